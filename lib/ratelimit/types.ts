import type { Row, SqlStatement } from "@/lib/db/sql-runner";

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

export interface WindowCounts {
  count: number;
  previous: number;
}

/** One hit of a chain: counted only while every earlier hit of the chain stayed within its limit. */
export interface ChainedHit {
  key: string;
  windowStart: Date;
  windowSeconds: number;
  /** The next hit is counted when `previous * previousWeight + count <= limit` (the sliding-window estimate). */
  previousWeight: number;
  limit: number;
}

/** A store counting hits per key in fixed windows; the decision uses the sliding-window estimate. */
export interface RateLimitStore {
  /** Counts one hit and returns the current and the previous window's counts. */
  hit(projectId: string, key: string, windowStart: Date, windowSeconds: number): Promise<WindowCounts>;
  /** Counts a chain of hits in one round trip; undefined for hits not counted because an earlier one was over its limit. */
  hitChain?(projectId: string, hits: ChainedHit[]): Promise<(WindowCounts | undefined)[]>;
  /** hitChain plus a read of the same project in the same statement (SQL stores): the counts and the read's rows. */
  hitChainAlongside?(projectId: string, hits: ChainedHit[], alongside: SqlStatement): Promise<{ counts: (WindowCounts | undefined)[]; rows: Row[] }>;
}
