-- wrk script for bench/run.sh scenarios 2 and 5: POST one line of a file per request, each line used once.
--   BENCH_FILE     the file: one request body per line (scenario 2: a /token form with its own code)
--   BENCH_THREADS  wrk's thread count: thread i takes lines i, i + n, i + 2n, … so no line goes out twice
--   BENCH_AUTH     the Authorization header value (client_secret_basic)
-- A run that uses up its lines sends "exhausted" (an unknown code: 400, counted) rather than reuse one, because a
-- reused code revokes its whole grant (RFC 6749 §4.1.2); run.sh mints more lines than the run uses. Counting and
-- BENCH_JSON come from common.lua.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")

local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  common.setup(thread)
end

function init(args)
  common.init()
  lines, position = {}, 1
  local n, i = tonumber(os.getenv("BENCH_THREADS")), 0
  for line in io.lines(os.getenv("BENCH_FILE")) do
    if i % n == id then lines[#lines + 1] = line end
    i = i + 1
  end
end

function request()
  local body = lines[position] or "grant_type=authorization_code&code=exhausted"
  position = position + 1
  return wrk.format(nil, nil, nil, body)
end

response = common.response
done = common.done
