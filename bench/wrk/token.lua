-- wrk script for bench/run.sh: the same request again and again, by default a client_credentials token request
-- with HTTP Basic client authentication (RFC 6749 §2.3.1, §4.4.2); counts every response that is not 200.
--   BENCH_AUTH    the Authorization header value, e.g. "Basic YmVuY2g6c2VjcmV0" or "Bearer …" (scenario 5, userinfo)
--   BENCH_BODY    the form body (default: grant_type=client_credentials&scope=api; scenario 5: token=… to introspect)
--   BENCH_METHOD  GET sends no body (scenario 5, userinfo); default POST
-- done() prints one line "BENCH_JSON {...}" that run.sh collects; latencies are in microseconds.

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

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + tonumber(string.match(tostring({}), "0x(%x+)") or "0", 16))
  non200 = 0
  first_failure = ""
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if first_failure == "" then first_failure = status .. " " .. string.sub(body or "", 1, 200) end
  end
end

function done(summary, latency, requests)
  local non200_total, failure = 0, ""
  for _, thread in ipairs(threads) do
    non200_total = non200_total + thread:get("non200")
    local f = thread:get("first_failure")
    if failure == "" and f ~= nil and f ~= "" then failure = f end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"mean_us":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"non200":%d,"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,"err_timeout":%d,"first_failure":"%s"}\n',
    summary.requests, summary.duration, summary.bytes, latency.mean,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    non200_total, e.connect, e.read, e.write, e.status, e.timeout, (string.gsub(failure, '[%c"\\]', " "))))
end
