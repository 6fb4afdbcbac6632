-- The clinic's mixed load (issue 20) for wrk: 1,000 signed-in people, four
-- reads of Today to one new diary entry, each request for a person drawn at
-- random. Every answer is checked against the person its request was for:
-- the request's X-Request-Id (which daybreak sends back) names the person,
-- and the answer must hold that person's own marker ("marker-p<N>", written
-- into their diary before the run) and no other. Usage:
--   wrk -t2 -c200 -d60s --latency -s bench/mixed.lua URL -- PEOPLE_FILE [PAUSE_MS]
-- PEOPLE_FILE: one line per person, "N TOKEN CSRF". PAUSE_MS: a bounded load,
-- each connection waiting about that long (0.5 to 1.5 times, at random)
-- after each answer before its next request; none: as fast as answered.
-- PERIOD: the period the new entries are for (evening), so that a second
-- run's entries are new too.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("number", counter)
  table.insert(threads, thread)
end

function init(args)
  people = {}
  for line in io.lines(args[1]) do
    local n, token, csrf = line:match("^(%d+) (%x+) (%x+)$")
    if n then table.insert(people, { n = tonumber(n), cookie = "daybreak_session=" .. token, csrf = csrf }) end
  end
  writes_of = {}  -- per person, how many entries this thread wrote (so every write is a new day)
  sent = 0
  wrong = 0      -- answers holding another person's marker, or not their own
  failed = 0     -- answers that were not 200/201
  reads, writes = 0, 0
  math.randomseed(number * 7919)
  pause = tonumber(args[2] or "0")
  period = args[3] or "evening"
end

function delay()
  if pause <= 0 then return 0 end
  return pause * (0.5 + math.random())
end

local function day_back(days)
  -- Days before 2026-11-23 (the servers' fixed today), as YYYY-MM-DD.
  return os.date("!%Y-%m-%d", os.time({ year = 2026, month = 11, day = 23, hour = 12 }) - days * 86400)
end

function request()
  sent = sent + 1
  local p = people[math.random(#people)]
  local headers = { ["Cookie"] = p.cookie, ["X-CSRF-Token"] = p.csrf }
  if sent % 5 == 0 then
    -- A write: the period of a day no other write of this run used for this person.
    local k = (writes_of[p.n] or 0) + 1
    writes_of[p.n] = k
    headers["X-Request-Id"] = "w" .. p.n .. "-" .. number .. "-" .. k
    headers["Content-Type"] = "application/json"
    local body = string.format('{"date": "%s", "period": "%s", "fields": {"pain": %d, "note": "marker-p%d"}}',
      day_back(2 * k + number), period, k % 11, p.n)
    return wrk.format("POST", "/api/entries", headers, body)
  end
  headers["X-Request-Id"] = "r" .. p.n .. "-" .. sent
  return wrk.format("GET", "/api/today", headers)
end

function response(status, headers, body)
  local id = headers["X-Request-Id"] or headers["x-request-id"] or ""
  local kind, n = id:match("^(%a)(%d+)-")
  if kind == "w" then writes = writes + 1 else reads = reads + 1 end
  if (kind == "w" and status ~= 201) or (kind == "r" and status ~= 200) or not n then
    failed = failed + 1
    return
  end
  -- Their marker, and no one else's.
  local own = "marker-p" .. n .. '"'
  local ok = body:find(own, 1, true) ~= nil
  for other in body:gmatch("marker%-p(%d+)") do
    if other ~= n then ok = false end
  end
  if not ok then wrong = wrong + 1 end
end

function done(summary, latency, requests)
  local w, f, r, wr = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    w = w + t:get("wrong")
    f = f + t:get("failed")
    r = r + t:get("reads")
    wr = wr + t:get("writes")
  end
  io.write(string.format("checked: %d reads, %d writes; not 200/201: %d; another person's or missing marker: %d\n",
    r, wr, f, w))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
