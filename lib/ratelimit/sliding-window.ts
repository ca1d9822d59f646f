import type { RateLimitDecision, RateLimitRule } from "./types";

export const windowStartOf = (now: Date, windowSeconds: number) => {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
};

/** How much of the previous window still overlaps the sliding window ending now (1 at a window's start, → 0). */
export const previousWeight = (rule: RateLimitRule, now: Date): number => {
  const size = rule.windowSeconds * 1000;
  return 1 - (now.getTime() % size) / size;
};

/**
 * Sliding-window counter (the approximation Cloudflare and others use): the previous window's hits weighted by how
 * much of it still overlaps the sliding window, plus the current window's hits.
 */
export function decide(rule: RateLimitRule, now: Date, count: number, previous: number): RateLimitDecision {
  const size = rule.windowSeconds * 1000;
  const estimate = previous * previousWeight(rule, now) + count;
  if (estimate <= rule.limit) return { allowed: true, count: Math.ceil(estimate), retryAfterSeconds: 0 };
  // Wait until the current window ends; if the current window alone is over the limit, one more window.
  const untilWindowEnd = Math.ceil((size - (now.getTime() % size)) / 1000);
  const retryAfterSeconds = count > rule.limit ? untilWindowEnd + rule.windowSeconds : Math.max(1, untilWindowEnd);
  return { allowed: false, count: Math.ceil(estimate), retryAfterSeconds };
}
