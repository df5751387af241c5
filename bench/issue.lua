-- wrk script of bench/run's issue rows: POST /tickets with branches (and service types) taken round-robin, so
-- the connections spread over every branch's numbering row. bench/run sets, through the environment:
--   BENCH_BRANCHES       how many branches (codes <prefix>001, <prefix>002, ...)
--   BENCH_BRANCH_PREFIX  the code prefix
--   BENCH_TYPES          the service types of each branch, e.g. A,B,C
local n = tonumber(os.getenv("BENCH_BRANCHES") or "50")
local prefix = os.getenv("BENCH_BRANCH_PREFIX") or "BR"
local types = {}
for t in string.gmatch(os.getenv("BENCH_TYPES") or "A,B,C", "[^,]+") do types[#types + 1] = t end

local bodies = {}
for b = 1, n do
  for _, t in ipairs(types) do
    bodies[#bodies + 1] = string.format(
      '{"branch":"%s%03d","serviceType":"%s","source":"KIOSK","priority":"NONE"}', prefix, b, t)
  end
end
local headers = { ["Content-Type"] = "application/json" }
-- signed in (bench/run exports a token its services trust)
local bearer = os.getenv("LOKET_BENCH_BEARER")
if bearer then headers["Authorization"] = bearer end

-- each wrk thread has its own Lua state: give each a different starting point in the round
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local i = 0
function init(args)
  i = (id or 0) * math.floor(#bodies / 2 + 1)
end

function request()
  i = i + 1
  return wrk.format("POST", "/tickets", headers, bodies[(i % #bodies) + 1])
end
