-- For bench/page-tail-bench.ts (TRACE=1): wrk numbering its requests (X-Probe-Id) and writing, per
-- thread, when it started writing each one, on CLOCK_MONOTONIC in ms, to $WRK_TRACE_DIR/<thread>.txt.
-- bench/stall-probe.cjs records on the same clock when the server read and finished each numbered
-- request and on which connection: together they split every answer's time between the two sides.
-- Then prints the TAIL line of bench/wrk-tail.lua.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } redraft_timespec;
int clock_gettime(int clock, redraft_timespec *tp);
]]
local ts = ffi.new("redraft_timespec")
local function now()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", tostring(threads))
end

local file, count
function init(args)
  file = io.open(os.getenv("WRK_TRACE_DIR") .. "/" .. prefix .. ".txt", "w")
  count = 0
end

function request()
  count = count + 1
  local id = prefix .. "-" .. count
  file:write(id, " ", string.format("%.3f", now()), "\n")
  -- The last lines of a run may stay in the buffer when wrk exits: flushed every 100 requests.
  if count % 100 == 0 then file:flush() end
  return wrk.format(nil, nil, { ["X-Probe-Id"] = id })
end

-- The same summary line as wrk-tail.lua, which sits beside this script.
dofile(debug.getinfo(1, "S").source:sub(2):gsub("wrk%-trace%.lua$", "wrk-tail.lua"))
