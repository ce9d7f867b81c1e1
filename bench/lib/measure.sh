# Shared by bench/run.sh (sourced): processes started and stopped by PID, CPU accounting, and the wrk
# measurements. Expects BENCH, RUN, WARMUP, DURATION, CONNECTIONS, THREADS, QUIET_WAIT from run.sh.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { echo "run.sh: $*" >&2; exit 1; }

# --- processes: every server is started here, remembered by PID, and stopped by PID -------------
PIDS=()
stop_pid() {
  local pid="$1"
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start LOG CMD... : runs CMD in the background and sets STARTED to its PID.
start() {
  local log="$1"; shift
  "$@" >"$log" 2>&1 &
  STARTED=$!
  PIDS+=("$STARTED")
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- measuring -------------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Busy CPU ticks of the whole machine (user nice system irq softirq steal): what else ran during a run.
busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# wait_quiet: on a shared machine, wait (at most QUIET_WAIT s) until the rest of the machine uses < 0.15
# cores, so one server does not get a busier machine than the next. A run that still overlaps is flagged.
wait_quiet() {
  local until=$((SECONDS + QUIET_WAIT)) a b
  while :; do
    a="$(busy_ticks)"; sleep 1; b="$(busy_ticks)"
    [ $((b - a)) -lt $(($(getconf CLK_TCK) * 15 / 100)) ] && return 0
    [ "$SECONDS" -ge "$until" ] && { say "machine still busy after ${QUIET_WAIT}s; measuring anyway (flagged)"; return 0; }
  done
}
# CPU seconds of this shell's reaped children (wrk, here) from the `times` builtin, written by the caller.
children_seconds() { awk 'NR == 2 { s = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } print s }' "$1"; }
rss_kb() { awk '/^VmRSS:/{print $2}' "/proc/$1/status"; }

# run_load PHASE SECONDS OUT URL [--latency]: one load run. By default wrk with bench/wrk/$BENCH_LUA (token.lua);
# BENCH_LOADER=flows runs bench-flows (scenarios 3 and 4) instead. A scenario whose requests are used up (codes,
# refresh tokens) gives each phase its own file: BENCH_FILES=PREFIX means PREFIX.warmup and PREFIX.measure.
run_load() {
  local phase="$1" seconds="$2" out="$3" url="$4"; shift 4
  local file=""; [ -n "${BENCH_FILES:-}" ] && file="$BENCH_FILES.$phase"
  if [ "${BENCH_LOADER:-wrk}" = flows ]; then
    local target; mapfile -t target < <(target_args)
    timeout $((seconds + 60)) dotnet "$OUT/flows/bench-flows.dll" "$BENCH_FLOWS_COMMAND" "${target[@]}" --connections="$CONNECTIONS" \
      --seconds="$seconds" --chains="$file" >"$out" 2>&1
  else
    BENCH_FILE="$file" BENCH_LUA_DIR="$BENCH/wrk" BENCH_THREADS="$THREADS" timeout $((seconds + 30)) \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s "$@" -s "$BENCH/wrk/${BENCH_LUA:-token.lua}" "$url" >"$out" 2>&1
  fi
}

# measure NAME SERVER ALG URL AUTH PID PROBE_JSON : warm-up, then the measured run; appends a result line.
# BENCH_SCENARIO (default 1) labels the line; BENCH_LUA, BENCH_LOADER, BENCH_FILES choose the load (run_load);
# BENCH_RUN_WARMUP overrides WARMUP for this run.
# The CPU, RSS and machine accounting is the same whatever drives the load.
measure() {
  local name="$1" server="$2" alg="$3" url="$4" auth="$5" pid="$6" probe="$7"
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local warmup="${BENCH_RUN_WARMUP:-$WARMUP}"
  say "$name: warm-up ${warmup}s, then ${DURATION}s × ${CONNECTIONS} connections"
  BENCH_AUTH="$auth" run_load warmup "$warmup" "$RUN/$name.warmup.txt" "$url" || die "$name: warm-up failed (see $RUN/$name.warmup.txt)"
  # BENCH_BEFORE_MEASURE: a command run after the warm-up, outside the measured window (minting codes for it).
  [ -n "${BENCH_BEFORE_MEASURE:-}" ] && { $BENCH_BEFORE_MEASURE "$RUN/$name.warmup.txt" || die "$name: setup failed"; }
  wait_quiet
  local cpu0 busy0; cpu0="$(cpu_ticks "$pid")"; busy0="$(busy_ticks)"
  times >"$RUN/times.before"
  BENCH_AUTH="$auth" run_load measure "$DURATION" "$RUN/$name.wrk.txt" "$url" --latency || die "$name: load failed (see $RUN/$name.wrk.txt)"
  times >"$RUN/times.after"
  local cpu1 busy1 rss; cpu1="$(cpu_ticks "$pid")"; busy1="$(busy_ticks)"; rss="$(rss_kb "$pid")"
  local wrk_cpu; wrk_cpu="$(awk -v a="$(children_seconds "$RUN/times.before")" -v b="$(children_seconds "$RUN/times.after")" 'BEGIN{printf "%.2f", b - a}')"
  kill -0 "$pid" 2>/dev/null || die "$name: the server died during the run (see $RUN/*.log)"
  local wrk_json; wrk_json="$(sed -n 's/^BENCH_JSON //p' "$RUN/$name.wrk.txt")"
  [ -n "$wrk_json" ] || { cat "$RUN/$name.wrk.txt"; die "$name: no result from the load"; }
  printf '{"kind":"server","scenario":"%s","loader":"%s","name":"%s","server":"%s","alg":"%s","url":"%s","loadavg_before":%s,"rss_kb":%s,"cpu_seconds":%s,"machine_cpu_seconds":%s,"wrk_cpu_seconds":%s,"wrk":%s,"probe":%s}\n' \
    "${BENCH_SCENARIO:-1}" "${BENCH_LOADER:-wrk}" "$name" "$server" "$alg" "$url" "$load" "$rss" "$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t/hz}')" \
    "$(awk -v t=$((busy1 - busy0)) -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t/hz}')" "$wrk_cpu" "$wrk_json" "${probe:-null}" >>"$RUN/results.jsonl"
}

# measure_half NAME SERVER ALG URL AUTH PID : the bar's latency check, p99 at about half the peak that
# NAME just reached. wrk is closed-loop, so each connection waits between requests (BENCH_DELAY_MS)
# long enough that the 32 connections together offer about half the peak rate.
measure_half() {
  local name="$1" server="$2" alg="$3" url="$4" auth="$5" pid="$6"
  local peak delay
  peak="$(sed -n 's/^BENCH_JSON //p' "$RUN/$name.wrk.txt" | node -e 'const j = JSON.parse(require("fs").readFileSync(0)); console.log(j.requests / (j.duration_us / 1e6))')"
  delay="$(awk -v p="$peak" -v c="$CONNECTIONS" 'BEGIN { d = int(1000 * c / (p / 2)); print (d < 1 ? 1 : d) }')"
  wait_quiet
  say "$name at half its peak: ${DURATION}s, ${delay} ms between requests per connection"
  local cpu0 busy0; cpu0="$(cpu_ticks "$pid")"; busy0="$(busy_ticks)"
  times >"$RUN/times.before"
  BENCH_DELAY_MS="$delay" BENCH_AUTH="$auth" BENCH_LUA_DIR="$BENCH/wrk" timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" \
    --timeout 5s --latency -s "$BENCH/wrk/token.lua" "$url" >"$RUN/$name-half.wrk.txt" 2>&1 || die "$name: wrk failed"
  times >"$RUN/times.after"
  local cpu1 busy1; cpu1="$(cpu_ticks "$pid")"; busy1="$(busy_ticks)"
  local hz; hz="$(getconf CLK_TCK)"
  printf '{"kind":"half","name":"%s-half","server":"%s","alg":"%s","peak_rps":%s,"delay_ms":%s,"rss_kb":%s,"cpu_seconds":%s,"machine_cpu_seconds":%s,"wrk_cpu_seconds":%s,"wrk":%s}\n' \
    "$name" "$server" "$alg" "$peak" "$delay" "$(rss_kb "$pid")" \
    "$(awk -v t=$((cpu1 - cpu0)) -v hz="$hz" 'BEGIN{printf "%.2f", t/hz}')" \
    "$(awk -v t=$((busy1 - busy0)) -v hz="$hz" 'BEGIN{printf "%.2f", t/hz}')" \
    "$(awk -v a="$(children_seconds "$RUN/times.before")" -v b="$(children_seconds "$RUN/times.after")" 'BEGIN{printf "%.2f", b - a}')" \
    "$(sed -n 's/^BENCH_JSON //p' "$RUN/$name-half.wrk.txt")" >>"$RUN/results.jsonl"
}

basic() { printf 'Basic %s' "$(printf '%s:%s' "$1" "$2" | base64 -w0)"; }
random_secret() { head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='; }

