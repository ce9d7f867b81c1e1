-- Shared by bench/wrk/*.lua: counts every response that is not 200, remembers the first failure, and prints
-- one "BENCH_JSON {...}" line that run.sh collects (latencies in microseconds).
local common = {}
local threads = {}

function common.setup(thread)
  table.insert(threads, thread)
end

function common.init()
  non200 = 0
  first_failure = ""
end

function common.response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if first_failure == "" then first_failure = status .. " " .. string.sub(body or "", 1, 200) end
    return false
  end
  return true
end

function common.done(summary, latency, requests)
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

return common
