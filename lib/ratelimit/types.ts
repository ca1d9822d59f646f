export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Estimated hits in the sliding window, this one included. */
  count: number;
  /** Seconds until the estimate falls below the limit again (0 when allowed). */
  retryAfterSeconds: number;
}

/** A store counting hits per key in fixed windows; the decision uses the sliding-window estimate. */
export interface RateLimitStore {
  /** Counts one hit and returns the current and the previous window's counts. */
  hit(projectId: string, key: string, windowStart: Date, windowSeconds: number): Promise<{ count: number; previous: number }>;
}
