import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { createTestProject } from "@/lib/testing/fixtures";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { newId } from "@/lib/core/ids";
import { newSession } from "@/lib/sessions";
import { findFlow, insertFlow, saveFlow, saveFlowOutcome } from "./store";
import type { FlowContext, FlowRecord } from "./types";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
}, 180_000);
afterAll(async () => {
  await database?.drop();
});

async function contextOf(now: Date): Promise<FlowContext> {
  const { slug } = await createTestProject();
  const project = (await findProjectBySlug(slug))!;
  const url = new URL(`http://127.0.0.1/p/${slug}/self-service/login/api`);
  return { project, db: await projectDb(project.id), now, actor: { type: "anonymous" }, request: { method: "GET", url, query: url.searchParams, ip: "192.0.2.1", header: () => undefined } };
}

const ui = { action: "http://127.0.0.1/self-service/login?flow=x", method: "POST", nodes: [{ type: "input", group: "default", attributes: { node_type: "input", name: "identifier", type: "text", value: "" }, messages: [], meta: {} }] };

describe("flow store (plain SQL)", () => {
  it("returns records equal to the stored rows, and keeps projects apart", async () => {
    const ctx = await contextOf(new Date("2030-01-01T00:00:00.123Z"));
    const other = await contextOf(ctx.now);
    const inserted = await insertFlow(ctx, { kind: "login", type: "api", state: "choose_method", requestUrl: ctx.request.url.toString(), ui: ui as never, csrfHash: "", context: { refresh: false, requested_aal: "aal1" }, lifespanMs: 600_000 });
    const found = await findFlow(ctx, "login", inserted.id);
    expect(found).toStrictEqual(inserted);
    const row = await ctx.db.selfServiceFlow.findFirst({ where: { id: inserted.id } });
    expect(row).toMatchObject({ id: inserted.id, expiresAt: new Date("2030-01-01T00:10:00.123Z"), updatedAt: ctx.now, ui, context: inserted.context });

    const later = { ...ctx, now: new Date("2030-01-01T00:01:00Z") };
    const saved = await saveFlow(later, { ...found, state: "passed_challenge", active: "password", identityId: null });
    expect(await findFlow(ctx, "login", inserted.id)).toStrictEqual(saved);
    expect(saved.updatedAt).toEqual(later.now);

    await expect(findFlow(ctx, "registration", inserted.id)).rejects.toMatchObject({ status: 404 });
    await expect(findFlow(other, "login", inserted.id)).rejects.toMatchObject({ status: 404 });
    await expect(saveFlow(other, { ...saved, state: "hijacked" })).rejects.toMatchObject({ status: 404 });
    expect((await findFlow(ctx, "login", inserted.id)).state).toBe("passed_challenge");
    await expect(findFlow(ctx, "login", "not-a-uuid")).rejects.toMatchObject({ status: 404 });
  });

  it("records an outcome without touching ui and context, with the statement run alongside in the same round trip", async () => {
    const ctx = await contextOf(new Date("2030-01-01T00:00:00Z"));
    const other = await contextOf(ctx.now);
    const inserted = await insertFlow(ctx, { kind: "login", type: "api", state: "choose_method", requestUrl: ctx.request.url.toString(), ui: ui as never, csrfHash: "", context: { refresh: false }, lifespanMs: 600_000 });
    const later = { ...ctx, now: new Date("2030-01-01T00:02:00Z") };
    const passed: FlowRecord = { ...inserted, state: "passed_challenge", active: "password", ui: { action: "changed", method: "POST", nodes: [] }, context: { refresh: true } };
    const identity = await ctx.db.identity.create({ data: { projectId: ctx.project.id, id: newId(), schemaId: "default", traits: {}, state: "active", stateChangedAt: ctx.now } });
    const issued = newSession(later, { identityId: identity.id, method: "password", device: { ip: "192.0.2.1", userAgent: "test" } });
    await expect(saveFlowOutcome(other, passed, issued.insert)).rejects.toThrow(/project/);
    expect(await saveFlowOutcome(later, passed, issued.insert)).toStrictEqual({ ...passed, updatedAt: later.now });
    expect(await findFlow(ctx, "login", inserted.id)).toStrictEqual({ ...inserted, state: "passed_challenge", active: "password", updatedAt: later.now });
    expect(await ctx.db.session.findFirst({ where: { id: issued.session.id } })).toMatchObject({ identityId: identity.id, tokenHash: issued.session.tokenHash, expiresAt: issued.session.expiresAt });

    await saveFlowOutcome(ctx, { ...passed, state: "choose_method", active: "" });
    expect((await findFlow(ctx, "login", inserted.id)).state).toBe("choose_method");
    await expect(saveFlowOutcome(other, { ...passed, state: "hijacked" })).rejects.toMatchObject({ status: 404 });
    expect((await findFlow(ctx, "login", inserted.id)).state).toBe("choose_method");
  });
});
