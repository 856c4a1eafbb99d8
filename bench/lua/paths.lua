-- wrk: GET the paths of BENCH_PATHS (one a line) in turn, each thread starting elsewhere in the list, with the
-- bearer token in BENCH_TOKEN_FILE. done() prints one machine-readable RESULT line.
local token = io.open(os.getenv("BENCH_TOKEN_FILE")):read("*l")
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
local threads, counter = {}, 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local i = 0
function init(args)
  i = ((id or 1) * 7919) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d mean_us=%.0f max_us=%d "
      .. "non2xx=%d connect=%d read=%d write=%d timeout=%d\n", summary.requests, summary.duration,
      summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99), latency.mean,
      latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
