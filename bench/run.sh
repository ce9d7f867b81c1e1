#!/usr/bin/env bash
# Latchkey's benchmarks, side by side with its peers, in one command (issue 5; method in
# docs/performance.md). Builds Latchkey in Release, starts it and each peer on loopback, drives each
# with the same wrk load, stops them by PID, prints one table and writes bench/results/latest.json.
#
#   bench/run.sh [--no-build] [--update-docs] [--only=LIST] [--scenarios=LIST]
#
# --no-build       reuse bench/.out from an earlier run
# --update-docs    also replace the table in docs/performance.md with this run's
# --only=LIST      measure only these, comma-separated: sign, kestrel, latchkey, latchkey-pg, latchkey-2nodes, node, openiddict
# --scenarios=LIST only these scenarios, comma-separated (default 1,2,3,4,5; 2–5 at RS256 only):
#                  1 client_credentials, 2 code redemption, 3 whole code flows, 4 refresh rotation,
#                  5 introspection of a reference token and userinfo
#
# Knobs (environment): BENCH_DURATION (10 s per server), BENCH_WARMUP (15 s; scenario 2: BENCH_CODES_WARMUP, 3 s), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2, wrk threads), BENCH_CEILING_SECONDS (3 s per signing loop), BENCH_PORT_BASE (18080),
# BENCH_QUIET_WAIT (20 s: before each measurement, wait at most this long for other processes to go quiet).
# Only loopback addresses are used. Not part of the test command.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/.out"
RUN="$OUT/run"
RESULTS="$BENCH/results"
DURATION="${BENCH_DURATION:-10}"
# 15 s: under full load on 2 cores, .NET's tiered JIT keeps re-compiling hot methods for 10-20 s after the first
# requests (docs/performance.md, "Warm-up"); every server gets the same warm-up.
WARMUP="${BENCH_WARMUP:-15}"
# Scenario 2's warm-up spends one pre-minted code per request, so it stays short; it runs on a process that
# scenario 1 has already warmed.
CODES_WARMUP="${BENCH_CODES_WARMUP:-3}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
CEILING_SECONDS="${BENCH_CEILING_SECONDS:-3}"
PORT_BASE="${BENCH_PORT_BASE:-18080}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-20}"
BUILD=1
UPDATE_DOCS=0
ONLY="sign,kestrel,latchkey,latchkey-pg,latchkey-2nodes,node,openiddict"
SCENARIOS="1,2,3,4,5"
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --update-docs) UPDATE_DOCS=1 ;;
    --only=*) ONLY="${arg#--only=}" ;;
    --scenarios=*) SCENARIOS="${arg#--scenarios=}" ;;
    -h|--help) sed -n '2,19p' "$0" | cut -c3-; exit 0 ;;
    *) echo "run.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive
export Logging__LogLevel__Default=Warning

source "$BENCH/lib/measure.sh"
source "$BENCH/lib/deployments.sh"
source "$BENCH/lib/scenarios.sh"
want_scenario() { [[ ",$SCENARIOS," == *",$1,"* ]]; }

# --- tools -----------------------------------------------------------------------------------------
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  # Scenario 6: PostgreSQL (started by tests/postgres/start.sh) and nginx in front of two nodes.
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v nginx >/dev/null || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (apt-get)"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  command -v dotnet >/dev/null || die "dotnet (SDK 10) is required"
  local node_major; node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$node_major" -ge 20 ] || die "node-oidc-provider 9 needs Node.js >= 20 (found $(node --version))"
}

build() {
  mkdir -p "$OUT"
  say "building Latchkey (Release), the OpenIddict peer and the ceilings"
  local started=$SECONDS
  # Both .NET servers are published ReadyToRun (precompiled, as the Dockerfile does): without it the tiered
  # JIT is still compiling a login's Razor, MVC and EF Core paths 40 s into scenario 3 (docs/performance.md, "Warm-up").
  local r2r=(-r "linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')" --self-contained false -p:PublishReadyToRun=true)
  dotnet publish "$ROOT/src/Latchkey.Server" -c Release "${r2r[@]}" -o "$OUT/latchkey" --nologo -v q >"$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log"; die "Latchkey build failed"; }
  dotnet publish "$BENCH/peers/openiddict" -c Release "${r2r[@]}" -o "$OUT/openiddict" --nologo -v q >>"$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log"; die "OpenIddict peer build failed"; }
  dotnet publish "$BENCH/ceiling" -c Release -o "$OUT/ceiling" --nologo -v q >>"$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log"; die "ceiling build failed"; }
  dotnet publish "$BENCH/flows" -c Release -o "$OUT/flows" --nologo -v q >>"$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log"; die "bench-flows build failed"; }
  say "installing node-oidc-provider (npm ci)"
  (cd "$BENCH/peers/node-oidc-provider" && npm ci --no-audit --no-fund --loglevel=error >>"$OUT/build.log" 2>&1) \
    || { tail -30 "$OUT/build.log"; die "npm ci failed"; }
  BUILD_SECONDS=$((SECONDS - started))
}

# --- ceilings --------------------------------------------------------------------------------------
run_signing_ceilings() {
  local alg threads
  for alg in RS256 ES256; do
    for threads in 1 2; do
      say "signing ceiling $alg, $threads thread(s), ${CEILING_SECONDS}s"
      local busy0 busy1 line
      wait_quiet
      busy0="$(busy_ticks)"; times >"$RUN/times.before"
      timeout $((CEILING_SECONDS + 30)) dotnet "$OUT/ceiling/ceiling.dll" sign --alg=$alg --threads=$threads \
        --seconds="$CEILING_SECONDS" >"$RUN/sign.json" || die "signing ceiling failed"
      busy1="$(busy_ticks)"; times >"$RUN/times.after"; line="$(cat "$RUN/sign.json")"
      printf '{"kind":"ceiling","name":"sign-%s-%st","sign":%s,"machine_cpu_seconds":%s,"own_cpu_seconds":%s}\n' "${alg,,}" "$threads" "$line" \
        "$(awk -v t=$((busy1 - busy0)) -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t/hz}')" \
        "$(awk -v a="$(children_seconds "$RUN/times.before")" -v b="$(children_seconds "$RUN/times.after")" 'BEGIN{printf "%.2f", b - a}')" \
        >>"$RUN/results.jsonl"
    done
  done
}

run_kestrel_hello() {
  local port=$((PORT_BASE + 3))
  port_free "$port" || die "port $port is in use (set BENCH_PORT_BASE)"
  start "$RUN/kestrel-hello.log" dotnet "$OUT/ceiling/ceiling.dll" hello --urls="http://127.0.0.1:$port"
  local pid=$STARTED
  node "$BENCH/lib/probe.mjs" --wait="http://127.0.0.1:$port/token" --post || die "Kestrel hello did not start (see $RUN/kestrel-hello.log)"
  measure kestrel-hello "Kestrel hello-world" "-" "http://127.0.0.1:$port/token" "$(basic bench x)" "$pid" null
  stop_pid "$pid"
}

# --- servers ---------------------------------------------------------------------------------------
# run_latchkey LABEL NAME DLL: a Latchkey build with both bench realms. BENCH_LATCHKEY_PORT (default the base
# port) is where it listens; scenarios 2–5 reach it through T_* URLs (lib/scenarios.sh). Scenario 6
# (lib/deployments.sh) runs the same on PostgreSQL, with one node and with two behind nginx.
run_latchkey() {
  local label="$1" name="$2" dll="$3" port=${BENCH_LATCHKEY_PORT:-$PORT_BASE} data="$RUN/$2-data"
  port_free "$port" || die "port $port is in use (set BENCH_PORT_BASE)"
  rm -rf "$data" "$data-b"
  # LATCHKEY_ARGS: the deployment's settings (scenario 6: PostgreSQL); LATCHKEY_NODES=2: a second node and nginx in front.
  local common=(--Latchkey:DemoRealm= ${LATCHKEY_ARGS[@]+"${LATCHKEY_ARGS[@]}"})
  if [ -n "${LATCHKEY_MIGRATE:-}" ]; then
    (cd "$RUN" && dotnet "$OUT/latchkey/latchkey.dll" --Latchkey:DataDirectory="$data" "${common[@]}" migrate) >"$RUN/$name-migrate.log" 2>&1 \
      || { cat "$RUN/$name-migrate.log"; die "latchkey migrate failed"; }
  fi
  # The import prints each generated secret once: `client REALM/ID: client_secret SECRET   (shown once)`.
  (cd "$RUN" && dotnet "$OUT/latchkey/latchkey.dll" --Latchkey:DataDirectory="$data" "${common[@]}" import "$BENCH/latchkey-import.json") \
    >"$RUN/$name-import.log" 2>&1 || { cat "$RUN/$name-import.log"; die "Latchkey import failed"; }
  local rs es
  rs="$(awk '$2 == "bench/bench:" && $3 == "client_secret" {print $4}' "$RUN/$name-import.log")"
  es="$(awk '$2 == "bench-es256/bench:" && $3 == "client_secret" {print $4}' "$RUN/$name-import.log")"
  [ -n "$rs" ] && [ -n "$es" ] || { cat "$RUN/$name-import.log"; die "no generated secrets in the import output"; }
  T_WEB_SECRET="$(awk '$2 == "bench/bench-web:" && $3 == "client_secret" {print $4}' "$RUN/$name-import.log")"
  T_REF_SECRET="$(awk '$2 == "bench/bench-ref:" && $3 == "client_secret" {print $4}' "$RUN/$name-import.log")"
  start "$RUN/$name.log" dotnet "$dll" --Latchkey:DataDirectory="$data" "${common[@]}" --urls="http://127.0.0.1:$port" \
    --import "$BENCH/latchkey-import.json"
  local pid=$STARTED base="http://127.0.0.1:$port/realms" extra=()
  if [ "${LATCHKEY_NODES:-1}" = 2 ]; then
    start "$RUN/$name-b.log" dotnet "$dll" --Latchkey:DataDirectory="$data-b" "${common[@]}" --urls="http://127.0.0.1:$((port + 10))"
    extra+=("$STARTED")
    node "$BENCH/lib/probe.mjs" --wait="http://127.0.0.1:$((port + 10))/realms/bench/.well-known/openid-configuration" \
      || die "$label: second node did not start (see $RUN/$name-b.log)"
    start_nginx "$RUN/$name-nginx" $((port + 20)) "$port" $((port + 10)); extra+=("$STARTED")
    base="http://127.0.0.1:$((port + 20))/realms"
  fi
  node "$BENCH/lib/probe.mjs" --wait="$base/bench/.well-known/openid-configuration" || die "$label did not start (see $RUN/$name.log)"
  local realm secret alg probe
  want_scenario 1 && for realm in bench bench-es256; do
    if [ "$realm" = bench ]; then secret=$rs alg=RS256; else secret=$es alg=ES256; fi
    probe="$(node "$BENCH/lib/probe.mjs" --discovery="$base/$realm/.well-known/openid-configuration" \
      --token="$base/$realm/token" --auth="$(basic bench "$secret")" --alg=$alg)" || die "$label $alg: wrong token"
    measure "$name-${alg,,}" "$label" $alg "$base/$realm/token" "$(basic bench "$secret")" "$pid" "$probe"
    [ "$name" = latchkey ] && measure_half "$name-${alg,,}" "$label" $alg "$base/$realm/token" "$(basic bench "$secret")" "$pid"
  done
  T_AUTHORIZE="$base/bench/authorize" T_TOKEN="$base/bench/token" T_INTROSPECT="$base/bench/introspect" T_USERINFO="$base/bench/userinfo"
  run_scenarios "$label" "$name" "$pid"
  local p; for p in "$pid" ${extra[@]+"${extra[@]}"}; do stop_pid "$p"; done
}

run_node_oidc_provider() {
  local alg="$1" port=$((PORT_BASE + 1)) secret; secret="$(random_secret)"
  port_free "$port" || die "port $port is in use (set BENCH_PORT_BASE)"
  start "$RUN/node-oidc-provider-${alg,,}.log" env NODE_ENV=production PORT="$port" ALG="$alg" SECRET="$secret" \
    node "$BENCH/peers/node-oidc-provider/server.mjs"
  local pid=$STARTED base="http://127.0.0.1:$port"
  node "$BENCH/lib/probe.mjs" --wait="$base/.well-known/openid-configuration" || die "node-oidc-provider did not start"
  local probe; probe="$(node "$BENCH/lib/probe.mjs" --discovery="$base/.well-known/openid-configuration" \
    --token="$base/token" --auth="$(basic bench "$secret")" --alg="$alg")" || die "node-oidc-provider $alg: wrong token"
  want_scenario 1 && measure "node-oidc-provider-${alg,,}" node-oidc-provider "$alg" "$base/token" "$(basic bench "$secret")" "$pid" "$probe"
  if [ "$alg" = RS256 ]; then
    T_AUTHORIZE="$base/auth" T_TOKEN="$base/token" T_INTROSPECT="$base/token/introspection" T_USERINFO="$base/me"
    T_WEB_SECRET="$secret" T_REF_SECRET="$secret"
    run_scenarios node-oidc-provider node-oidc-provider "$pid"
  fi
  stop_pid "$pid"
}

# run_openiddict ALG: scenario 1, and at RS256 scenarios 2–4 and userinfo in the same process; introspection of a
# reference token needs OpenIddict's server-wide reference-token switch, so a second process with --reference.
run_openiddict() {
  local alg="$1" port=$((PORT_BASE + 2)) data="$RUN/openiddict-data-${1,,}" secret; secret="$(random_secret)"
  port_free "$port" || die "port $port is in use (set BENCH_PORT_BASE)"
  rm -rf "$data"
  start "$RUN/openiddict-${alg,,}.log" dotnet "$OUT/openiddict/openiddict-peer.dll" \
    --urls="http://127.0.0.1:$port" --data="$data" --alg="$alg" --secret="$secret"
  local pid=$STARTED base="http://127.0.0.1:$port"
  node "$BENCH/lib/probe.mjs" --wait="$base/.well-known/openid-configuration" || die "OpenIddict did not start (see $RUN/openiddict-${alg,,}.log)"
  local probe; probe="$(node "$BENCH/lib/probe.mjs" --discovery="$base/.well-known/openid-configuration" \
    --token="$base/connect/token" --auth="$(basic bench "$secret")" --alg="$alg")" || die "OpenIddict $alg: wrong token"
  want_scenario 1 && measure "openiddict-${alg,,}" OpenIddict "$alg" "$base/connect/token" "$(basic bench "$secret")" "$pid" "$probe"
  if [ "$alg" = RS256 ]; then
    T_AUTHORIZE="$base/connect/authorize" T_TOKEN="$base/connect/token" T_INTROSPECT="" T_USERINFO="$base/connect/userinfo"
    T_WEB_SECRET="$secret" T_REF_SECRET="$secret"
    run_scenarios OpenIddict openiddict "$pid"
  fi
  stop_pid "$pid"
  if [ "$alg" = RS256 ] && want_scenario 5; then
    rm -rf "$data-reference"
    start "$RUN/openiddict-reference.log" dotnet "$OUT/openiddict/openiddict-peer.dll" \
      --urls="http://127.0.0.1:$port" --data="$data-reference" --alg="$alg" --secret="$secret" --reference
    pid=$STARTED
    node "$BENCH/lib/probe.mjs" --wait="$base/.well-known/openid-configuration" || die "OpenIddict (reference tokens) did not start"
    T_TOKEN="$base/connect/token" T_INTROSPECT="$base/connect/introspect" T_USERINFO=""
    SCENARIOS=5 run_scenarios OpenIddict openiddict-reference "$pid"
    stop_pid "$pid"
  fi
}

# --- main ------------------------------------------------------------------------------------------
BUILD_SECONDS=0
ensure_tools
[ "$BUILD" = 1 ] && build
[ -f "$OUT/latchkey/latchkey.dll" ] || die "nothing built yet: run without --no-build"
[ -d "$BENCH/peers/node-oidc-provider/node_modules" ] || die "node-oidc-provider not installed: run without --no-build"
rm -rf "$RUN"; mkdir -p "$RUN" "$RESULTS"
started=$SECONDS

want() { [[ ",$ONLY," == *",$1,"* ]]; }
want sign && run_signing_ceilings
want kestrel && run_kestrel_hello
want latchkey && run_latchkey Latchkey latchkey "$OUT/latchkey/latchkey.dll"
want latchkey-pg && run_latchkey_on_postgres 1
want latchkey-2nodes && run_latchkey_on_postgres 2
if want node; then run_node_oidc_provider RS256; want_scenario 1 && run_node_oidc_provider ES256; fi
if want openiddict; then run_openiddict RS256; want_scenario 1 && run_openiddict ES256; fi

cat >"$RUN/meta.json" <<EOF
{"date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","commit":"$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)",
 "cpu":"$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo | tr -d '"')","cores":$(nproc),
 "dotnet":"$(dotnet --version)","node":"$(node --version)","wrk":"$(wrk --version 2>&1 | head -1 | awk '{print $2}')",
 "duration_s":$DURATION,"scenarios":"$SCENARIOS","warmup_s":$WARMUP,"codes_warmup_s":$CODES_WARMUP,"connections":$CONNECTIONS,"wrk_threads":$THREADS,"ceiling_seconds":$CEILING_SECONDS,
 "build_seconds":$BUILD_SECONDS,"bench_seconds":$((SECONDS - started))}
EOF
report_args=(--run="$RUN" --out="$RESULTS")
[ "$UPDATE_DOCS" = 1 ] && report_args+=(--docs="$ROOT/docs/performance.md")
node "$BENCH/lib/report.mjs" "${report_args[@]}"
