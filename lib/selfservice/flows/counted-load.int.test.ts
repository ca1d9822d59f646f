import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { createIdentity, passwordLoginStatement, PASSWORD_LOGIN_STATEMENT } from "@/lib/identity";
import { systemContext } from "@/lib/identity/test-context";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { RateLimitedError, redisStore, setRateLimitStore, type LimitInput } from "@/lib/ratelimit";
import { createTestProject } from "@/lib/testing/fixtures";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { sqlRunner } from "@/lib/db/sql-runner";
import { countAndLoad } from "./counted-load";
import { findFlow, insertFlow } from "./store";
import type { FlowContext } from "./types";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
}, 180_000);
afterEach(() => setRateLimitStore(undefined));
afterAll(async () => {
  await database?.drop();
});

async function contextOf(): Promise<FlowContext> {
  const { slug } = await createTestProject();
  const project = (await findProjectBySlug(slug))!;
  const url = new URL(`http://127.0.0.1/p/${slug}/self-service/login`);
  return { project, db: await projectDb(project.id), now: new Date(), actor: { type: "anonymous" }, request: { method: "POST", url, query: url.searchParams, ip: "192.0.2.7", header: () => undefined } };
}

const newFlow = (ctx: FlowContext) =>
  insertFlow(ctx, { kind: "login", type: "api", state: "choose_method", requestUrl: ctx.request.url.toString(), ui: { action: "x", method: "POST", nodes: [] }, csrfHash: "", lifespanMs: 600_000 });
const ipLimit = (ctx: FlowContext, limit = 100): LimitInput => ({ projectId: ctx.project.id, rule: "login:ip", subject: ctx.request.ip, overrides: { "login:ip": { limit, window_seconds: 60 } }, now: ctx.now });

describe("counting a submission and loading its flow in one round trip", () => {
  it("reads the flow and the strategy's prefetch exactly as their own statements do", async () => {
    const ctx = await contextOf();
    const flow = await newFlow(ctx);
    await createIdentity(await systemContext(ctx.project.slug), { schema_id: "preset://email", traits: { email: "counted@example.com" }, credentials: { password: { config: { password: "counted-Password-1!" } } } });
    const prefetch = passwordLoginStatement(ctx, "counted@example.com");
    const loaded = await countAndLoad(ctx, "login", flow.id, [ipLimit(ctx)], prefetch);
    expect(loaded.flow).toStrictEqual(await findFlow(ctx, "login", flow.id));
    const run = await sqlRunner();
    expect(loaded.prefetched).toStrictEqual({ name: PASSWORD_LOGIN_STATEMENT, rows: await run(prefetch.name, prefetch.text, prefetch.values) });
    expect(loaded.prefetched!.rows).toHaveLength(1);
    // An unknown identifier: the flow, and no credential rows.
    const none = await countAndLoad(ctx, "login", flow.id, [ipLimit(ctx)], passwordLoginStatement(ctx, "nobody@example.com"));
    expect(none.flow?.id).toBe(flow.id);
    expect(none.prefetched?.rows).toEqual([]);
  });

  it("answers 404 for another project's or another kind's flow, after counting it", async () => {
    const ctx = await contextOf();
    const other = await contextOf();
    const foreign = await newFlow(other);
    await expect(countAndLoad(ctx, "login", foreign.id, [ipLimit(ctx, 2)])).rejects.toMatchObject({ status: 404 });
    await expect(countAndLoad(ctx, "registration", (await newFlow(ctx)).id, [ipLimit(ctx, 2)])).rejects.toMatchObject({ status: 404 });
    await expect(countAndLoad(ctx, "login", randomUUID(), [ipLimit(ctx, 2)])).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("counts without reading where the store cannot join a read (Redis): the caller reads for itself", async () => {
    setRateLimitStore(redisStore(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", `pc:test:${randomUUID()}:`));
    const ctx = await contextOf();
    const flow = await newFlow(ctx);
    expect(await countAndLoad(ctx, "login", flow.id, [ipLimit(ctx, 1)])).toEqual({});
    await expect(countAndLoad(ctx, "login", flow.id, [ipLimit(ctx, 1)])).rejects.toBeInstanceOf(RateLimitedError);
  });
});
