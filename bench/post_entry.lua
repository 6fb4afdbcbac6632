-- wrk script: every request POSTs a distinct diary entry (a period of a day,
-- one day further back every four requests), so each one is a durable write.
-- Threads interleave: thread i takes requests i, i+T, i+2T... where T, the
-- thread count, is the script's argument: wrk -t2 ... -s post_entry.lua -- 2
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  step = tonumber(args[1]) or 1
  k = id
end

local periods = { "night", "morning", "afternoon", "evening" }
local today = os.time({ year = 2026, month = 11, day = 23, hour = 12 })

function request()
  local i = k
  k = k + step
  local day = os.date("!%Y-%m-%d", today - math.floor(i / 4) * 86400)
  local body = string.format('{"period":"%s","date":"%s","fields":{"pain":%d,"note":"a short note"}}',
    periods[i % 4 + 1], day, i % 11)
  return wrk.format("POST", "/api/entries", { ["Content-Type"] = "application/json" }, body)
end

function response(status)
  if status ~= 201 then
    failures = (failures or 0) + 1
  end
end
