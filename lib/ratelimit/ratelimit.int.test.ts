import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { enforceRateLimit, enforceRateLimits, enforceRateLimitsWith, pruneBuckets, RateLimitedError, redisStore, setRateLimitStore } from "./index";
import { postgresStore } from "./postgres-store";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => {
  setRateLimitStore(undefined);
  await database?.drop();
});

const overrides = { "login:identifier": { limit: 3, window_seconds: 60 } };

async function exhaust(projectId: string, now: Date) {
  for (let i = 0; i < 3; i++) await enforceRateLimit({ projectId, rule: "login:identifier", subject: "a@example.test", overrides, now });
  return enforceRateLimit({ projectId, rule: "login:identifier", subject: "A@example.test ", overrides, now }).catch((e: unknown) => e);
}

describe.each([
  ["postgres", () => postgresStore],
  ["redis", () => redisStore(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", `pc:test:${randomUUID()}:`)],
])("rate limits on %s", (_name, makeStore) => {
  beforeAll(() => setRateLimitStore(makeStore()));

  it("denies past the limit with a retry hint, per project and per subject", async () => {
    const projectId = randomUUID();
    const now = new Date(Date.UTC(2030, 0, 1, 0, 0, 10));
    const error = await exhaust(projectId, now);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).status).toBe(429);
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    // Another project and another identifier are unaffected.
    await enforceRateLimit({ projectId: randomUUID(), rule: "login:identifier", subject: "a@example.test", overrides, now });
    await enforceRateLimit({ projectId, rule: "login:identifier", subject: "b@example.test", overrides, now });
    // Two windows later everything is forgotten.
    const later = new Date(now.getTime() + 120_000);
    await enforceRateLimit({ projectId, rule: "login:identifier", subject: "a@example.test", overrides, now: later });
  });

  it("counts concurrent hits exactly", async () => {
    const projectId = randomUUID();
    const now = new Date(Date.UTC(2030, 0, 1, 0, 0, 1));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => enforceRateLimit({ projectId, rule: "login:identifier", subject: "c@example.test", overrides, now })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
  });
});

describe.each([
  ["postgres (one statement)", () => postgresStore],
  ["redis (one hit after the other)", () => redisStore(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", `pc:test:${randomUUID()}:`)],
])("chained limits on %s", (_name, makeStore) => {
  beforeAll(() => setRateLimitStore(makeStore()));
  const chainOverrides = { "login:ip": { limit: 2, window_seconds: 60 }, "login:identifier": { limit: 3, window_seconds: 60 } };
  const chain = (projectId: string, now: Date, identifier: string) => enforceRateLimits([
    { projectId, rule: "login:ip", subject: "192.0.2.1", overrides: chainOverrides, now },
    { projectId, rule: "login:identifier", subject: identifier, overrides: chainOverrides, now },
  ]);
  const identifierCount = async (projectId: string, now: Date, identifier: string) =>
    (await enforceRateLimit({ projectId, rule: "login:identifier", subject: identifier, overrides: chainOverrides, now })).count;

  it("counts every hit while all are within their limits, and stops the chain at the first over its limit", async () => {
    const projectId = randomUUID();
    const now = new Date(Date.UTC(2030, 0, 1, 0, 0, 5));
    expect((await chain(projectId, now, "x@example.test")).map((d) => d.count)).toEqual([1, 1]);
    expect((await chain(projectId, now, "y@example.test")).map((d) => d.count)).toEqual([2, 1]);
    // The third hit from the IP is over its limit: 429, and the identifier's hit is not counted.
    await expect(chain(projectId, now, "z@example.test")).rejects.toBeInstanceOf(RateLimitedError);
    expect(await identifierCount(projectId, now, "z@example.test")).toBe(1);
  });

  it("counts the earlier hits when a later one is over its limit", async () => {
    const projectId = randomUUID();
    const now = new Date(Date.UTC(2030, 0, 1, 0, 0, 5));
    for (let i = 0; i < 3; i++) await enforceRateLimit({ projectId, rule: "login:identifier", subject: "v@example.test", overrides: chainOverrides, now });
    const error = await chain(projectId, now, "v@example.test").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((await enforceRateLimit({ projectId, rule: "login:ip", subject: "192.0.2.1", overrides: chainOverrides, now })).count).toBe(2);
  });

  it("weighs the previous window like a single hit does", async () => {
    const projectId = randomUUID();
    const first = new Date(Date.UTC(2030, 0, 1, 0, 0, 50));
    await chain(projectId, first, "w@example.test");
    await chain(projectId, first, "w@example.test");
    // 10 s into the next window: 2 × 50/60 + 1 > 2 for the IP, so its hit is denied and the identifier's not counted.
    const next = new Date(Date.UTC(2030, 0, 1, 0, 1, 10));
    await expect(chain(projectId, next, "w@example.test")).rejects.toBeInstanceOf(RateLimitedError);
    // Two windows later the earlier hits are forgotten.
    const later = new Date(Date.UTC(2030, 0, 1, 0, 3, 0));
    expect((await chain(projectId, later, "w@example.test")).map((d) => d.count)).toEqual([1, 1]);
  });

  it("runs a read of the project in the same round trip where the store can", async () => {
    const projectId = randomUUID();
    const now = new Date(Date.UTC(2030, 0, 1, 0, 0, 5));
    const limits = [
      { projectId, rule: "login:ip" as const, subject: "192.0.2.9", overrides: chainOverrides, now },
      { projectId, rule: "login:identifier" as const, subject: "r@example.test", overrides: chainOverrides, now },
    ];
    const buckets = (minimum: number) => ({ name: "test_buckets", text: "SELECT count FROM rate_limit_buckets WHERE project_id = $1::uuid AND count >= $2 ORDER BY key", values: [projectId, minimum] });
    await enforceRateLimits(limits);
    const counted = await enforceRateLimitsWith(limits, buckets(1));
    expect(counted.decisions.map((d) => d.count)).toEqual([2, 2]);
    // The read sees the counts from before this statement's hits.
    expect(counted.rows).toEqual(makeStore() === postgresStore ? [{ count: 1 }, { count: 1 }] : undefined);
    expect((await enforceRateLimitsWith(limits.map((limit) => ({ ...limit, subject: `other ${limit.subject}` })), buckets(100))).rows).toEqual(makeStore() === postgresStore ? [] : undefined);
    if (makeStore() === postgresStore) await expect(enforceRateLimitsWith(limits, { ...buckets(1), values: [randomUUID(), 1] })).rejects.toThrow(/project/);
  });
});

describe("housekeeping", () => {
  it("prunes expired buckets", async () => {
    setRateLimitStore(postgresStore);
    await exhaust(randomUUID(), new Date(Date.UTC(2020, 0, 1)));
    expect(await pruneBuckets(new Date(Date.UTC(2021, 0, 1)))).toBeGreaterThan(0);
  });
});
