-- The case page under wrk, for BenchCommand (WrkLoad): one keep-alive connection per user, closed loop, on a few
-- wrk threads (at most one per core). Requests go round-robin over the case keys and over the users' signed-in
-- sessions, each thread starting at its own offset, so every session is in use throughout (wrk's script sees
-- threads, not connections, so a session cannot be pinned to a connection; the workbench does not tie one to the
-- other). Arguments after "--": a file of Cookie header values (one per user) and a file of case keys, one per
-- line. Any answer but 200 (an expired session's redirect to the login page included) counts as failed, so a
-- bench whose sessions broke cannot pass for a fast one.
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
  cookies = lines(args[1])
  keys = lines(args[2])
  position = (id - 1) * 7919
  failed = 0
end

function request()
  position = position + 1
  local key = keys[position % #keys + 1]
  local cookie = cookies[position % #cookies + 1]
  return wrk.format("GET", "/cases/" .. key, { ["Cookie"] = cookie })
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
