import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { enforceRateLimit, pruneBuckets, RateLimitedError, redisStore, setRateLimitStore } from "./index";
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

describe("housekeeping", () => {
  it("prunes expired buckets", async () => {
    setRateLimitStore(postgresStore);
    await exhaust(randomUUID(), new Date(Date.UTC(2020, 0, 1)));
    expect(await pruneBuckets(new Date(Date.UTC(2021, 0, 1)))).toBeGreaterThan(0);
  });
});
