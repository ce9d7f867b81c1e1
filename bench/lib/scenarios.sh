# Scenarios 2–5 for bench/run.sh (sourced; method in docs/performance.md), the same for every server that supports
# them. A server function sets the target and calls run_scenarios:
#   T_AUTHORIZE T_TOKEN T_INTROSPECT T_USERINFO  endpoint URLs (any node of a deployment: a later PostgreSQL or
#                                                two-node setup points them at different processes); an empty
#                                                T_INTROSPECT or T_USERINFO skips that half of scenario 5
#   T_WEB_SECRET T_REF_SECRET                    secrets of the clients bench-web (code flow) and bench-ref (reference tokens)
# Clients, user and password are the same on every server (bench/latchkey-import.json, bench/peers/*).
USER_PASSWORD="bench-password-not-secret"

flows() { dotnet "$OUT/flows/bench-flows.dll" "$@"; }
target_args() {
  printf '%s\n' --authorize="$T_AUTHORIZE" --token="$T_TOKEN" --client=bench-web --secret="$T_WEB_SECRET" \
    --redirect=http://127.0.0.1:9/cb --password="$USER_PASSWORD" "--scope=${1:-openid api}"
}

# mint_codes COUNT FILE: /token forms with fresh codes, each minted through /authorize in a signed-in session.
mint_codes() {
  local args; mapfile -t args < <(target_args)
  say "minting $1 codes through /authorize"
  flows codes "${args[@]}" --count="$1" --out="$2"
}
# After the warm-up: enough codes for the measured run at twice the warm-up's rate (a warm-up still JITs and
# fills caches, so it runs slower), at least 300 a second.
mint_measure_codes() {
  local rate; rate="$(sed -n 's/^BENCH_JSON //p' "$1" | node -e 'const j = JSON.parse(require("fs").readFileSync(0)); console.log(Math.ceil(j.requests / (j.duration_us / 1e6)))')"
  [ "$rate" -lt 150 ] && rate=150
  mint_codes $((rate * DURATION * 2 + 500)) "$BENCH_FILES.measure"
}
mint_chains() {
  local args; mapfile -t args < <(target_args)
  flows refresh "${args[@]}" --count="$CONNECTIONS" --out="$1"
}

# run_scenarios LABEL NAME PID
run_scenarios() {
  local label="$1" name="$2" pid="$3" web ref
  web="$(basic bench-web "$T_WEB_SECRET")"; ref="$(basic bench-ref "$T_REF_SECRET")"
  local args; mapfile -t args < <(target_args)

  if want_scenario 2; then
    mint_codes $((1500 * CODES_WARMUP)) "$RUN/$name-codes.warmup"
    BENCH_SCENARIO=2 BENCH_RUN_WARMUP="$CODES_WARMUP" BENCH_LUA=lines.lua BENCH_FILES="$RUN/$name-codes" BENCH_BEFORE_MEASURE=mint_measure_codes \
      measure "$name-s2" "$label" RS256 "$T_TOKEN" "$web" "$pid" null
  fi
  if want_scenario 3; then
    BENCH_SCENARIO=3 BENCH_LOADER=flows BENCH_FLOWS_COMMAND="load" measure "$name-s3" "$label" RS256 "$T_AUTHORIZE" "" "$pid" null
  fi
  if want_scenario 4; then
    say "minting $((2 * CONNECTIONS)) refresh-token chains (one grant each)"
    mint_chains "$RUN/$name-chains.warmup"; mint_chains "$RUN/$name-chains.measure"
    BENCH_SCENARIO=4 BENCH_LOADER=flows BENCH_FLOWS_COMMAND="refresh-load" BENCH_FILES="$RUN/$name-chains" \
      measure "$name-s4" "$label" RS256 "$T_TOKEN" "$web" "$pid" null
  fi
  if want_scenario 5 && [ -n "$T_INTROSPECT" ]; then
    local reference
    reference="$(curl -sf -H "Authorization: $ref" -d 'grant_type=client_credentials&scope=api' "$T_TOKEN" | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')" \
      || die "$label: no reference token"
    BENCH_SCENARIO=5 BENCH_BODY="token=$reference" measure "$name-s5-introspect" "$label" RS256 "$T_INTROSPECT" "$ref" "$pid" null
  fi
  if want_scenario 5 && [ -n "$T_USERINFO" ]; then
    local ui jwt; mapfile -t ui < <(target_args "openid profile email")
    flows access-token "${ui[@]}" --out="$RUN/$name-userinfo-token" || die "$label: no access token for userinfo"
    jwt="$(cat "$RUN/$name-userinfo-token")"
    BENCH_SCENARIO=5 BENCH_METHOD=GET measure "$name-s5-userinfo" "$label" RS256 "$T_USERINFO" "Bearer $jwt" "$pid" null
  fi
}
