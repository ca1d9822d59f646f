import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { defaultRules, RateLimitedError } from "@/lib/ratelimit";
import type { OAuth2Context } from "../context";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";
import { newDeviceChallenge } from "./challenge";
import { acceptUserCode } from "./verify";

/** RFC 8628 §5.1: user-code guesses are limited per device challenge and per client IP. */
let h: OAuth2Harness;

beforeAll(async () => {
  h = await startOAuth2Harness();
});
afterAll(async () => h?.close());

async function context(ip: string): Promise<OAuth2Context> {
  const project = (await findProjectBySlug(h.a.slug))!;
  const request = { method: "POST", url: new URL(h.issuer(h.a)), query: new URLSearchParams(), ip, header: () => undefined };
  return { project, db: await projectDb(project.id), now: new Date(), actor: { type: "anonymous" }, request, issuer: h.issuer(h.a) } as unknown as OAuth2Context;
}

const guess = (ctx: OAuth2Context, challenge: string, ip?: string) =>
  acceptUserCode(ctx, challenge, "BCDF-GHJK", ip).then(() => "accepted", (error: { status?: number }) => error.status);

describe("device user_code rate limit", () => {
  it("refuses guesses beyond the per-challenge limit with 429, also through the admin API", async () => {
    const ctx = await context("198.51.100.7");
    const challenge = await newDeviceChallenge(ctx.project.id, ctx.now);
    const limit = defaultRules["device:challenge"].limit;
    for (let i = 0; i < limit; i++) expect(await guess(ctx, challenge)).toBe(404);
    expect(await guess(ctx, challenge)).toBe(429);
    const viaApi = await h.admin(h.a, "PUT", `/admin/oauth2/auth/requests/device/accept?device_challenge=${encodeURIComponent(challenge)}`, { user_code: "BCDF-GHJK" });
    expect(viaApi.status).toBe(429);
    expect((await viaApi.json()).error.id).toBe("rate_limit_exceeded");
  });

  it("refuses guesses from one IP across fresh challenges beyond the per-IP limit", async () => {
    const ctx = await context("203.0.113.9");
    const limit = defaultRules["device:ip"].limit;
    const outcomes: unknown[] = [];
    for (let i = 0; i <= limit; i++) outcomes.push(await guess(ctx, await newDeviceChallenge(ctx.project.id, ctx.now), "203.0.113.9"));
    expect(outcomes.slice(0, limit).every((status) => status === 404)).toBe(true);
    expect(outcomes[limit]).toBe(429);
    // Another IP is not affected.
    expect(await guess(ctx, await newDeviceChallenge(ctx.project.id, ctx.now), "203.0.113.10")).toBe(404);
    await expect(acceptUserCode(ctx, await newDeviceChallenge(ctx.project.id, ctx.now), "BCDF-GHJK", "203.0.113.9")).rejects.toBeInstanceOf(RateLimitedError);
  });
});
