-- wrk: POST the application in BENCH_BODY_FILE, each request with an Idempotency-Key of its own (BENCH_TAG keeps
-- keys unique across runs), with the bearer token in BENCH_TOKEN_FILE.
local token = io.open(os.getenv("BENCH_TOKEN_FILE")):read("*l")
local body = io.open(os.getenv("BENCH_BODY_FILE")):read("*a")
local tag = os.getenv("BENCH_TAG") or "run"
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local n = 0
function request()
  n = n + 1
  return wrk.format("POST", "/api/v1/applications", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", tag, id or 1, n),
  }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d mean_us=%.0f max_us=%d "
      .. "non2xx=%d connect=%d read=%d write=%d timeout=%d\n", summary.requests, summary.duration,
      summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99), latency.mean,
      latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
