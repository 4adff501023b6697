-- wrk script: POSTs a realistic mix of eligibility requests (bench/requests/*.json), round robin per thread,
-- one in three asking for Japanese. Path from the environment (BENCH_PATH), so the same mix hits the floor.
local files = {}
local dir = os.getenv("BENCH_REQUESTS") or "bench/requests"
local p = io.popen('ls "' .. dir .. '"/*.json')
for f in p:lines() do table.insert(files, f) end
p:close()
local path = os.getenv("BENCH_PATH") or "/api/v1/eligibility"
local requests = {}
local statuses = {}

function init(args)
  for i, f in ipairs(files) do
    local h = io.open(f, "rb"); local body = h:read("*a"); h:close()
    local lang = (i % 3 == 2) and "ja" or "en"
    requests[i] = wrk.format("POST", path, {["Content-Type"] = "application/json", ["Accept-Language"] = lang}, body)
  end
end

local n = 0
function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end

local bad = 0
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d rps=%.1f errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
