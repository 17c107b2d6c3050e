-- wrk: POST /api/postulates, one new postulate per request (ids unique per thread and connection round).
local counter = 0
tid = 0
setup = function(thread) tid = tid + 1; thread:set("tid", tid) end
init = function(args) counter = 0 end
request = function()
  counter = counter + 1
  local id = string.format("bench-%s-%d-%d", os.getenv("RUN") or "0", tid, counter)
  local body = string.format('{"id":"%s","year":2026,"text":"Nowe ławki i kosze na śmieci przy przystanku numer %d"}', id, counter)
  return wrk.format("POST", "/api/postulates", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}, body)
end
