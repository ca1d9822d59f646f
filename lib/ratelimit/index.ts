import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import { AppError } from "@/lib/core/errors";
import { postgresStore } from "./postgres-store";
import { redisStore } from "./redis-store";
import { ruleFor, type RuleName } from "./rules";
import { decide, windowStartOf } from "./sliding-window";
import type { RateLimitDecision, RateLimitStore } from "./types";

export { defaultRules, ruleFor, type RuleName } from "./rules";
export { pruneBuckets } from "./postgres-store";
export { redisStore } from "./redis-store";
export { decide } from "./sliding-window";
export type { RateLimitDecision, RateLimitRule, RateLimitStore } from "./types";

let store: RateLimitStore | undefined;

/** PostgreSQL by default; Redis when REDIS_URL is set. */
export function rateLimitStore(): RateLimitStore {
  if (!store) {
    const url = config().REDIS_URL;
    store = url ? redisStore(url) : postgresStore;
  }
  return store;
}

/** For tests: use a specific store. */
export function setRateLimitStore(next: RateLimitStore | undefined): void {
  store = next;
}

/** 429 in Ory's error shape; route wrappers add `Retry-After` (RFC 9110 §10.2.3, RFC 6585 §4). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("too_many_requests", "Too many requests. Please wait a moment and try again.", {
      id: "rate_limit_exceeded",
      reason: `Rate limit exceeded; retry after ${retryAfterSeconds} seconds.`,
      details: { retry_after: retryAfterSeconds },
    });
  }
}

export interface LimitInput {
  projectId: string;
  rule: RuleName;
  /** The thing counted: an IP, a normalized identifier, a flow id. */
  subject: string;
  /** `services.identity.config.rate_limits` of the project. */
  overrides?: unknown;
  now?: Date;
}

/** Counts one hit; throws RateLimitedError when over the limit. */
export async function enforceRateLimit(input: LimitInput): Promise<RateLimitDecision> {
  const rule = ruleFor(input.rule, input.overrides);
  const now = input.now ?? new Date();
  const windowStart = windowStartOf(now, rule.windowSeconds);
  // Subjects (emails, IPs) are hashed: the counters hold no personal data.
  const subject = createHash("sha256").update(input.subject.trim().toLowerCase()).digest("base64url").slice(0, 22);
  const { count, previous } = await rateLimitStore().hit(input.projectId, `${input.rule}:${subject}`, windowStart, rule.windowSeconds);
  const decision = decide(rule, now, count, previous);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  return decision;
}
