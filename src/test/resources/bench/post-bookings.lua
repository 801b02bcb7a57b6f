-- wrk script for the post-throughput benchmark: POST /api/v1/bookings, spread over many trainers, each trainer's
-- next booking one hour after its previous one, so no request meets the overlap rule (409) and no trainer is a hot
-- spot. Arguments (after --): a file of "token client_id" lines, and the first slot as epoch seconds.
-- Each wrk thread has its own Lua state: thread k of n takes slots k, k+n, k+2n, ... of every trainer.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local trainers = {}
local next_slot = {}
local turn = 0
local first_slot
local stride

function init(args)
  for line in io.lines(args[1]) do
    local token, client = line:match("^(%S+)%s+(%S+)$")
    if token then
      table.insert(trainers, { token = token, client = client })
      table.insert(next_slot, thread_index)
    end
  end
  first_slot = tonumber(args[2])
  stride = tonumber(args[3])
end

function request()
  turn = turn % #trainers + 1
  local trainer = trainers[turn]
  local slot = next_slot[turn]
  next_slot[turn] = slot + stride
  local body = string.format(
    '{"client_id":"%s","starts_at":"%s","duration_minutes":45,"session_type":"one_on_one"}',
    trainer.client, os.date("!%Y-%m-%dT%H:%M:%SZ", first_slot + slot * 3600))
  return wrk.format("POST", nil,
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. trainer.token }, body)
end
