-- wrk script: GET /v1/candidates/{id}/matches?k=10 for a random stored candidate each time.
-- Reads candidate ids, one a line, from the file named by IDS (default candidates.txt).
local ids = {}
local k = os.getenv("K") or "10"
local key = os.getenv("API_KEY")

function init(args)
  for line in io.lines(os.getenv("IDS") or "candidates.txt") do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local headers = {}
  if key then headers["Authorization"] = "Bearer " .. key end
  return wrk.format("GET", "/v1/candidates/" .. ids[math.random(#ids)] .. "/matches?k=" .. k, headers)
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 200) .. "\n")
  end
end
