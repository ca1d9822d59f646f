import { Redis } from "ioredis";
import type { RateLimitStore } from "./types";

// INCR the current window's counter, set its expiry, read the previous one: atomic in one script.
const SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
return {count, previous}`;

/** Redis store (REDIS_URL): shared counters between instances, one round trip per hit. */
export function redisStore(url: string, prefix = "pc:rl:"): RateLimitStore & { close(): Promise<void> } {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  return {
    async hit(projectId, key, windowStart, windowSeconds) {
      const base = `${prefix}${projectId}:${key}:`;
      const current = base + windowStart.getTime();
      const previous = base + (windowStart.getTime() - windowSeconds * 1000);
      const result = (await redis.eval(SCRIPT, 2, current, previous, String(windowSeconds * 2000))) as [number, number];
      return { count: Number(result[0]), previous: Number(result[1]) };
    },
    close: async () => {
      await redis.quit();
    },
  };
}
