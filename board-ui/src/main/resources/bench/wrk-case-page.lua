-- The case page under wrk, for BenchCommand (WrkLoad): one wrk thread per user, each with one keep-alive
-- connection and its own signed-in session, closed loop. Requests go round-robin over the case keys, each user
-- starting at its own offset. Arguments after "--": a file of Cookie header values (one per user) and a file of
-- case keys, one per line. Any answer but 200 (an expired session's redirect to the login page included) counts
-- as failed, so a bench whose sessions broke cannot pass for a fast one.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local function lines(path)
  local all = {}
  for line in io.lines(path) do
    if line ~= "" then all[#all + 1] = line end
  end
  return all
end

function init(args)
  local cookies = lines(args[1])
  keys = lines(args[2])
  cookie = cookies[(id - 1) % #cookies + 1]
  position = id - 1
  failed = 0
end

function request()
  position = position % #keys + 1
  return wrk.format("GET", "/cases/" .. keys[position], { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do failures = failures + thread:get("failed") end
  local e = summary.errors
  io.write(string.format("wrk-result requests=%d failed=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d\n",
    summary.requests, failures, e.connect + e.read + e.write + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
