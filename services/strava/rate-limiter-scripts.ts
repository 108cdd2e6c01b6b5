// The Redis scripts of the shared Strava rate limiter (rate-limiter.ts). Each runs atomically in
// Redis, so checking every budget and counting the request is one step for all worker processes.

// KEYS: short all, short read, day all, day read, limits hash, then the same four counters of the
// next windows. ARGV: isRead, shortTtlMs, dayTtlMs, default limits (short, daily, readShort,
// readDaily), margin, alsoNextShort, alsoNextDay, shortWindowMs, dailyWindowMs, the share of
// the daily budgets this request may use (1, or less for a backfill: the rest is kept for new
// activities), and how many requests to take at once (all or none).
export const ACQUIRE_LUA = `
local function lim(field, default)
  local v = redis.call('HGET', KEYS[5], field)
  if v then return tonumber(v) end
  return tonumber(default)
end
local margin = tonumber(ARGV[8])
local share = tonumber(ARGV[13])
local n = tonumber(ARGV[14])
local function budget(l) return math.floor(l * (1 - margin) + 1e-9) end
local function daily(l) return math.floor(budget(l) * share + 1e-9) end
local function used(k) return tonumber(redis.call('GET', k) or '0') + n - 1 end
local isRead = ARGV[1] == '1'
if used(KEYS[3]) >= daily(lim('dailyLimit', ARGV[5])) then return {0, 'daily'} end
if isRead and used(KEYS[4]) >= daily(lim('readDailyLimit', ARGV[7])) then return {0, 'daily'} end
if used(KEYS[1]) >= budget(lim('shortLimit', ARGV[4])) then return {0, 'short'} end
if isRead and used(KEYS[2]) >= budget(lim('readShortLimit', ARGV[6])) then return {0, 'short'} end
local function bump(k, ttl)
  if redis.call('INCRBY', k, n) == n then redis.call('PEXPIRE', k, ttl) end
end
bump(KEYS[1], ARGV[2])
bump(KEYS[3], ARGV[3])
if isRead then
  bump(KEYS[2], ARGV[2])
  bump(KEYS[4], ARGV[3])
end
-- Near a boundary, also book the request in the next window (TTL: that window plus one).
if ARGV[9] == '1' then
  local ttl = tonumber(ARGV[2]) + tonumber(ARGV[11])
  bump(KEYS[6], ttl)
  if isRead then bump(KEYS[7], ttl) end
end
if ARGV[10] == '1' then
  local ttl = tonumber(ARGV[3]) + tonumber(ARGV[12])
  bump(KEYS[8], ttl)
  if isRead then bump(KEYS[9], ttl) end
end
return {1, 'ok'}
`;

// KEYS: short all, short read, day all, day read, limits hash.
// ARGV: 4 usages (-1: unknown), shortTtlMs, dayTtlMs, 4 limits (-1: unknown), limitsTtlMs.
// A usage only ever raises a counter.
export const RECORD_LUA = `
for i = 1, 4 do
  local v = tonumber(ARGV[i])
  if v >= 0 then
    local cur = tonumber(redis.call('GET', KEYS[i]) or '0')
    if v > cur then
      local ttl = ARGV[6]
      if i <= 2 then ttl = ARGV[5] end
      redis.call('SET', KEYS[i], v, 'PX', ttl)
    end
  end
end
local fields = {'shortLimit', 'dailyLimit', 'readShortLimit', 'readDailyLimit'}
local changed = false
for i = 1, 4 do
  local v = tonumber(ARGV[6 + i])
  if v >= 0 then
    redis.call('HSET', KEYS[5], fields[i], v)
    changed = true
  end
end
if changed then redis.call('PEXPIRE', KEYS[5], ARGV[11]) end
return 1
`;
