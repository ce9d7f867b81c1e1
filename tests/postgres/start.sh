#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests: start.sh DIR [PORT]
# Creates DIR (initdb, trust auth for the superuser "postgres"), listens on 127.0.0.1:PORT (a free port
# when omitted) with its socket in DIR, and prints the port. Stop it with stop.sh DIR.
set -euo pipefail
dir=${1:?usage: start.sh DIR [PORT]}
port=${2:-}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL server binaries not found under /usr/lib/postgresql (Debian package 'postgresql')" >&2
  exit 3
fi

# initdb refuses to run as root: as root, the cluster belongs to the postgres user.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

mkdir -p "$dir"
# (DIR's parent must be reachable by that user: /tmp is.)
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }

free_port() { while :; do p=$((20000 + RANDOM % 40000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; }

for attempt in 1 2 3 4 5; do
  p=${port:-$(free_port)}
  # fsync off and a small footprint: the data is thrown away with the directory.
  if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
      -o "-p $p -h 127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null; then
    echo "$p"
    exit 0
  fi
  [ -n "$port" ] && break
done
cat "$dir/server.log" >&2
exit 1
