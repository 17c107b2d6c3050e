-- wrk: PUT /api/postulates/{id}/review on the postulates of the corpus, in turn.
local counter = 0
init = function(args) counter = 0 end
request = function()
  counter = counter + 1
  local id = string.format("krakow-2025-06-17-%02d", (counter % 14) + 1)
  local body = string.format('{"themes":["seniors"],"stance":"referred","note":"przegląd %d"}', counter)
  return wrk.format("PUT", "/api/postulates/" .. id .. "/review", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}, body)
end
