-- wrk script for bench/run.sh: the same request again and again, by default a client_credentials token request
-- with HTTP Basic client authentication (RFC 6749 §2.3.1, §4.4.2); counts every response that is not 200.
--   BENCH_AUTH    the Authorization header value, e.g. "Basic YmVuY2g6c2VjcmV0" or "Bearer …" (scenario 5, userinfo)
--   BENCH_BODY    the form body (default: grant_type=client_credentials&scope=api; scenario 5: token=… to introspect)
--   BENCH_METHOD  GET sends no body (scenario 5, userinfo); default POST
-- Counting and the BENCH_JSON line come from common.lua.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path

wrk.method = os.getenv("BENCH_METHOD") or "POST"
if wrk.method == "POST" then
  wrk.body = os.getenv("BENCH_BODY") or "grant_type=client_credentials&scope=api"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")

-- BENCH_DELAY_MS (optional): each connection waits about this long between its requests, to hold the
-- load near a chosen rate below the peak (run.sh's "half the peak" run); latency excludes the wait.
-- The wait is drawn uniformly from 0.5–1.5 × BENCH_DELAY_MS, so the connections do not fall into step
-- and arrive in bursts of 32.
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if delay_ms then
  function delay()
    return delay_ms * (0.5 + math.random())
  end
end

local common = require("common")

function setup(thread)
  common.setup(thread)
end

function init(args)
  math.randomseed(os.time() + tonumber(string.match(tostring({}), "0x(%x+)") or "0", 16))
  common.init()
end

function response(status, headers, body)
  common.response(status, headers, body)
end

done = common.done
