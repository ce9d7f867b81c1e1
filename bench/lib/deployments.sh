# Scenario 6 for bench/run.sh (sourced): the same scenarios against Latchkey on PostgreSQL — one node, then two
# nodes serving one issuer behind nginx (round robin, keep-alive to the nodes), as in docs/production.md. The
# CPU and RSS columns of a two-node row are the first node's; the request rate is the deployment's.

# start_nginx DIR PORT UPSTREAM_PORT... : nginx in the foreground on 127.0.0.1:PORT, PID in STARTED.
start_nginx() {
  local dir="$1" port="$2"; shift 2
  mkdir -p "$dir/tmp"
  local servers="" p; for p in "$@"; do servers+="    server 127.0.0.1:$p;"$'\n'; done
  cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body; proxy_temp_path $dir/tmp/proxy; fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi; scgi_temp_path $dir/tmp/scgi;
  upstream latchkey {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://latchkey;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
    }
  }
}
CONF
  start "$dir/nginx.log" nginx -p "$dir" -c "$dir/nginx.conf"
}

# run_latchkey_on_postgres NODES: a fresh PostgreSQL cluster (thrown away after), `latchkey migrate`, then run_latchkey.
run_latchkey_on_postgres() {
  local nodes="$1" pg_dir="/tmp/latchkey-bench-pg-$$" pg_port label name
  pg_port="$(bash "$ROOT/tests/postgres/start.sh" "$pg_dir")" || die "PostgreSQL did not start"
  local connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=latchkey;Maximum Pool Size=100"
  local port=${BENCH_LATCHKEY_PORT:-$PORT_BASE}
  LATCHKEY_ARGS=(--Latchkey:Storage:Provider=postgres "--Latchkey:Storage:ConnectionString=$connection")
  if [ "$nodes" = 2 ]; then
    label="Latchkey (PostgreSQL, 2 nodes)"; name=latchkey-pg2
    LATCHKEY_ARGS+=(--Latchkey:PublicUrl="http://127.0.0.1:$((port + 20))")
  else
    label="Latchkey (PostgreSQL)"; name=latchkey-pg
  fi
  LATCHKEY_MIGRATE=1 LATCHKEY_NODES="$nodes" run_latchkey "$label" "$name" "$OUT/latchkey/latchkey.dll"
  LATCHKEY_ARGS=()
  bash "$ROOT/tests/postgres/stop.sh" "$pg_dir" >/dev/null 2>&1 || true
}
