import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import { AppError } from "@/lib/core/errors";
import type { Row, SqlStatement } from "@/lib/db/sql-runner";
import { postgresStore } from "./postgres-store";
import { redisStore } from "./redis-store";
import { ruleFor, type RuleName } from "./rules";
import { decide, previousWeight, windowStartOf } from "./sliding-window";
import type { RateLimitDecision, RateLimitRule, RateLimitStore, WindowCounts } from "./types";

export { defaultRules, ruleFor, type RuleName } from "./rules";
export { pruneBuckets } from "./postgres-store";
export { redisStore } from "./redis-store";
export { decide } from "./sliding-window";
export type { ChainedHit, RateLimitDecision, RateLimitRule, RateLimitStore, WindowCounts } from "./types";

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

interface PreparedHit {
  rule: RateLimitRule;
  now: Date;
  key: string;
  windowStart: Date;
}

function prepare(input: LimitInput): PreparedHit {
  const rule = ruleFor(input.rule, input.overrides);
  const now = input.now ?? new Date();
  // Subjects (emails, IPs) are hashed: the counters hold no personal data.
  const subject = createHash("sha256").update(input.subject.trim().toLowerCase()).digest("base64url").slice(0, 22);
  return { rule, now, key: `${input.rule}:${subject}`, windowStart: windowStartOf(now, rule.windowSeconds) };
}

function enforce(hit: PreparedHit, counts: WindowCounts): RateLimitDecision {
  const decision = decide(hit.rule, hit.now, counts.count, counts.previous);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  return decision;
}

/** Counts one hit; throws RateLimitedError when over the limit. */
export async function enforceRateLimit(input: LimitInput): Promise<RateLimitDecision> {
  const hit = prepare(input);
  return enforce(hit, await rateLimitStore().hit(input.projectId, hit.key, hit.windowStart, hit.rule.windowSeconds));
}

/**
 * Several limits of one request (all of one project), with the semantics of calling enforceRateLimit for each in
 * order: a hit over its limit throws, and the later ones are not counted. One round trip where the store can chain.
 */
export async function enforceRateLimits(inputs: LimitInput[]): Promise<RateLimitDecision[]> {
  return (await enforceRateLimitsWith(inputs)).decisions;
}

/**
 * enforceRateLimits, with a read of the same project (`alongside`, $1 = project id) run in the same round trip
 * where the store can (PostgreSQL): its rows, or undefined when the caller has to run it itself.
 */
export async function enforceRateLimitsWith(inputs: LimitInput[], alongside?: SqlStatement): Promise<{ decisions: RateLimitDecision[]; rows?: Row[] }> {
  const store = rateLimitStore();
  // One statement where the store chains: several limits, or one limit with a read alongside.
  const chained = store.hitChain && inputs.length > 0 && (inputs.length > 1 || (alongside && store.hitChainAlongside));
  if (!chained) {
    const decisions: RateLimitDecision[] = [];
    for (const input of inputs) decisions.push(await enforceRateLimit(input));
    return { decisions };
  }
  const projectId = inputs[0]!.projectId;
  if (inputs.some((input) => input.projectId !== projectId)) throw new Error("enforceRateLimits counts the limits of one project");
  const hits = inputs.map(prepare);
  const chain = hits.map((hit) => ({
    key: hit.key, windowStart: hit.windowStart, windowSeconds: hit.rule.windowSeconds, previousWeight: previousWeight(hit.rule, hit.now), limit: hit.rule.limit,
  }));
  const counted = alongside && store.hitChainAlongside
    ? await store.hitChainAlongside(projectId, chain, alongside)
    : { counts: await store.hitChain!(projectId, chain), rows: undefined };
  const decisions = hits.map((hit, i) => {
    const counts = counted.counts[i];
    // The chain stops after a hit over its limit, which enforce() has thrown for already.
    if (!counts) throw new Error("rate-limit chain stopped without a denied hit");
    return enforce(hit, counts);
  });
  return { decisions, rows: counted.rows };
}
