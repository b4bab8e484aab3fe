-- Public reads through the balancer: half nearest (in-memory index), a quarter GET by code and a quarter
-- district lists (both from the database's read side). Prints one line: sent, failed, p99.
-- Public station codes, one a line, written by common.sh (CODES_FILE).
-- LOAD_KINDS: "all" (the mix), "nearest" (index only) or "db" (GET by code and lists only).
local codes = {}
for line in io.lines(os.getenv("CODES_FILE")) do codes[#codes + 1] = line end
local districts = {"110101", "110102", "110105", "110106", "110108"}
local n = 0
local kinds = os.getenv("LOAD_KINDS") or "all"

request = function()
  n = n + 1
  local kind = n % 4
  if kinds == "nearest" then kind = 0 elseif kinds == "db" then kind = (n % 2 == 0) and 1 or 3 end
  if kind == 1 then
    return wrk.format("GET", "/api/v1/stations/" .. codes[math.random(#codes)])
  elseif kind == 3 then
    return wrk.format("GET", "/api/v1/stations?adcode=" .. districts[math.random(#districts)] .. "&pageSize=20")
  end
  local lng = 116.20 + math.random() * 0.40
  local lat = 39.75 + math.random() * 0.30
  return wrk.format("GET", string.format("/api/v1/stations/nearest?lng=%.5f&lat=%.5f&limit=5", lng, lat))
end

done = function(summary, latency, requests)
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT sent=%d failed=%d (status %d, connect %d, read %d, timeout %d) p99_ms=%.1f max_ms=%.1f rps=%.0f\n",
    summary.requests, failed, e.status, e.connect, e.read, e.timeout, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
