#!/usr/bin/env bash
# Profiles Latchkey under the load of scenario 2, 3, 4 or 5 (docs/performance.md, "What stands in the way").
#
#   bench/profile-flows.sh 2|3|4|5 [--match=REGEX]    after bench/run.sh has built bench/.out
#
# Starts the published Latchkey with the bench realms, sets up what the scenario needs (codes, chains, tokens) as
# bench/run.sh does, records 7 s of dotnet-sampled-thread-time with dotnet-trace while the scenario's load runs,
# and prints the frames where request threads spent their time (lib/hotframes.mjs). Stops what it started by PID.
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
OUT="$BENCH/.out"
RUN="$OUT/profile-flows"
SCENARIO="${1:?scenario 2, 3, 4 or 5}"
MATCH="${2:---match=Latchkey|Sqlite|sqlite|Sleep|Monitor|Semaphore|Sign|Pbkdf2|SaveChanges|PollGC}"
DLL="$OUT/latchkey/latchkey.dll"
PORT_BASE="${BENCH_PORT_BASE:-18080}" CONNECTIONS=32 THREADS=2 DURATION=12 WARMUP=2 QUIET_WAIT=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Logging__LogLevel__Default=Warning
[ -f "$DLL" ] || { echo "profile-flows.sh: no $DLL; run bench/run.sh first" >&2; exit 1; }
TRACE="$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")"
[ -x "$TRACE" ] || dotnet tool install -g dotnet-trace >/dev/null
source "$BENCH/lib/measure.sh"
source "$BENCH/lib/scenarios.sh"

rm -rf "$RUN"; mkdir -p "$RUN"
common=(--Latchkey:DataDirectory="$RUN/data" --Latchkey:DemoRealm=)
dotnet "$DLL" "${common[@]}" import "$BENCH/latchkey-import.json" >"$RUN/import.log" 2>&1
T_WEB_SECRET="$(awk '$2 == "bench/bench-web:" {print $4}' "$RUN/import.log")"
T_REF_SECRET="$(awk '$2 == "bench/bench-ref:" {print $4}' "$RUN/import.log")"
start "$RUN/latchkey.log" dotnet "$DLL" "${common[@]}" --urls="http://127.0.0.1:$PORT_BASE"
PID=$STARTED
base="http://127.0.0.1:$PORT_BASE/realms/bench"
T_AUTHORIZE="$base/authorize" T_TOKEN="$base/token" T_INTROSPECT="$base/introspect" T_USERINFO="$base/userinfo"
node "$BENCH/lib/probe.mjs" --wait="$base/.well-known/openid-configuration"

web="$(basic bench-web "$T_WEB_SECRET")"
case "$SCENARIO" in
  2) mint_codes 8000 "$RUN/codes.measure"; url="$T_TOKEN" auth="$web"; export BENCH_LUA=lines.lua BENCH_FILES="$RUN/codes" ;;
  3) url="$T_AUTHORIZE" auth=""; export BENCH_LOADER=flows BENCH_FLOWS_COMMAND=load ;;
  4) mint_chains "$RUN/chains.measure"; url="$T_TOKEN" auth="$web"; export BENCH_LOADER=flows BENCH_FLOWS_COMMAND=refresh-load BENCH_FILES="$RUN/chains" ;;
  5) url="$T_USERINFO"; mapfile -t ui < <(target_args "openid profile email")
     flows access-token "${ui[@]}" --out="$RUN/token"; auth="Bearer $(cat "$RUN/token")"; export BENCH_METHOD=GET ;;
  *) echo "profile-flows.sh: scenario 2, 3, 4 or 5" >&2; exit 2 ;;
esac
BENCH_AUTH="$auth" run_load measure "$DURATION" "$RUN/load.txt" "$url" &
LOAD=$!
sleep 2
timeout 60 "$TRACE" collect -p "$PID" --profile dotnet-sampled-thread-time --duration 00:00:00:07 -o "$RUN/trace.nettrace" >"$RUN/trace.log" 2>&1
wait "$LOAD"
"$TRACE" convert "$RUN/trace.nettrace" --format Speedscope -o "$RUN/trace" >/dev/null
sed -n 's/^BENCH_JSON //p' "$RUN/load.txt" | cut -c1-160
node "$BENCH/lib/hotframes.mjs" "$RUN/trace.speedscope.json" --top=40 "$MATCH"
echo "trace: $RUN/trace.nettrace"
