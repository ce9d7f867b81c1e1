#!/usr/bin/env bash
# Profiles Latchkey's token endpoint under the bench load (docs/performance.md, "What stands in the way").
#
#   bench/profile.sh [RS256|ES256]     after bench/run.sh has built bench/.out
#
# Starts the published Latchkey with the bench realms, warms it up, then records 7 s of
# dotnet-sampled-thread-time with dotnet-trace (installed as a .NET tool if missing) while wrk drives
# the same load as run.sh, and prints where the endpoint's thread time goes. Stops what it started by PID.
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
OUT="$BENCH/.out"
RUN="$OUT/profile"
ALG="${1:-RS256}"
DLL="$OUT/latchkey/latchkey.dll"
PORT="${BENCH_PORT_BASE:-18080}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Logging__LogLevel__Default=Warning BENCH_LUA_DIR="$BENCH/wrk"
[ -f "$DLL" ] || { echo "profile.sh: no $DLL; run bench/run.sh first" >&2; exit 1; }
TRACE="$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")"
[ -x "$TRACE" ] || dotnet tool install -g dotnet-trace >/dev/null

PIDS=()
cleanup() { local p; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$RUN"; mkdir -p "$RUN"
common=(--Latchkey:DataDirectory="$RUN/data" --Latchkey:DemoRealm=)
dotnet "$OUT/latchkey/latchkey.dll" "${common[@]}" import "$BENCH/latchkey-import.json" >"$RUN/import.log" 2>&1
realm=bench; [ "$ALG" = ES256 ] && realm=bench-es256
secret="$(awk -v r="$realm/bench:" '$2 == r && $3 == "client_secret" {print $4}' "$RUN/import.log")"
dotnet "$DLL" "${common[@]}" --urls="http://127.0.0.1:$PORT" >"$RUN/latchkey.log" 2>&1 &
PID=$!; PIDS+=("$PID")
base="http://127.0.0.1:$PORT/realms/$realm"
node "$BENCH/lib/probe.mjs" --wait="$base/.well-known/openid-configuration"
export BENCH_AUTH="Basic $(printf 'bench:%s' "$secret" | base64 -w0)"
wrk -t2 -c32 -d3s -s "$BENCH/wrk/token.lua" "$base/token" >/dev/null
wrk -t2 -c32 -d10s --latency -s "$BENCH/wrk/token.lua" "$base/token" >"$RUN/wrk.txt" &
PIDS+=("$!")
sleep 1
timeout 60 "$TRACE" collect -p "$PID" --profile dotnet-sampled-thread-time --duration 00:00:00:07 \
  -o "$RUN/trace.nettrace" >"$RUN/trace.log" 2>&1
wait "${PIDS[1]}"
"$TRACE" convert "$RUN/trace.nettrace" --format Speedscope -o "$RUN/trace" >/dev/null
grep -E 'Requests/sec' "$RUN/wrk.txt"
node "$BENCH/lib/breakdown.mjs" "$RUN/trace.speedscope.json"
echo "trace: $RUN/trace.nettrace (dotnet-trace report $RUN/trace.nettrace topN -n 30 --inclusive)"
