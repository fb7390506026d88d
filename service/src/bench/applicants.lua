-- wrk script: POST /v1/postings/{id}/applicants/score with N random stored candidates (default 200)
-- for a random stored posting each time. Reads ids from POSTING_IDS and IDS, one a line.
local postings, candidates = {}, {}
local n = tonumber(os.getenv("N") or "200")
local key = os.getenv("API_KEY")

function init(args)
  for line in io.lines(os.getenv("POSTING_IDS") or "postings.txt") do postings[#postings + 1] = line end
  for line in io.lines(os.getenv("IDS") or "candidates.txt") do candidates[#candidates + 1] = line end
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local picked = {}
  for i = 1, n do picked[i] = '"' .. candidates[math.random(#candidates)] .. '"' end
  local headers = { ["Content-Type"] = "application/json" }
  if key then headers["Authorization"] = "Bearer " .. key end
  return wrk.format("POST", "/v1/postings/" .. postings[math.random(#postings)] .. "/applicants/score", headers,
    '{"candidateIds":[' .. table.concat(picked, ",") .. ']}')
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 200) .. "\n")
  end
end
