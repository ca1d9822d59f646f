import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { resolveBranding } from "@/lib/branding";
import { hashPassword as legacyHash } from "@/lib/core/password";
import { newId } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";
import { createIdentity, verifyPasswordLogin } from "@/lib/identity";
import { systemContext } from "@/lib/identity/test-context";
import { selfServiceEnabled } from "@/lib/selfservice";
import { clearSessionCache, getSession, issueSession } from "@/lib/sessions";
import { createTestProject } from "@/lib/testing/fixtures";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createOwner } from "@/lib/workspaces/setup";
import { forgetPreparedPlatform, preparePlatform } from "./bootstrap";
import { handOffToConsole } from "./handoff";
import { PLATFORM_PROJECT_SLUG, PLATFORM_WORKSPACE_ID } from "./platform-project";
import { signOut, userFromSessionToken } from "./session";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
}, 180_000);
afterAll(async () => {
  await database?.drop();
});

const COOKIE = `ory_session_${PLATFORM_PROJECT_SLUG}`;
const browser = (cookie = "", extra: Record<string, string> = {}) => {
  const headers: Record<string, string> = { cookie, "user-agent": "vitest", ...extra };
  return { ip: "198.51.100.9", header: (name: string) => headers[name.toLowerCase()] };
};

/** A platform identity with a cookie session; `linked` also makes it a console user. */
async function platformSignIn(email: string, linked: boolean) {
  const ctx = await systemContext(PLATFORM_PROJECT_SLUG);
  const identity = await createIdentity(ctx, { schema_id: "preset://email", traits: { email } });
  const { session, token } = await issueSession(ctx, { identityId: identity.id, method: "password", device: { ip: "198.51.100.9", userAgent: "vitest" } });
  if (linked) await (await platformDb()).user.create({ data: { id: newId(), email, identityId: identity.id } });
  return { ctx, identity, session, token };
}

describe("the platform project", () => {
  it("is created once, owned by no workspace, with sign-up off and the console's look", async () => {
    const [a, b] = await Promise.all([preparePlatform(), (forgetPreparedPlatform(), preparePlatform())]);
    expect(a.id).toBe(b.id);
    forgetPreparedPlatform();
    expect((await preparePlatform()).id).toBe(a.id);
    expect(a).toMatchObject({ slug: PLATFORM_PROJECT_SLUG, workspaceId: PLATFORM_WORKSPACE_ID });
    expect(await (await platformDb()).project.count({ where: { slug: PLATFORM_PROJECT_SLUG } })).toBe(1);
    expect(selfServiceEnabled(a.config, "registration")).toBe(false);
    expect(selfServiceEnabled(a.config, "recovery")).toBe(true);
    expect(resolveBranding(a.config)).toMatchObject({ display_name: "Portcullis", logo_url: expect.stringMatching(/^data:image\/svg\+xml;base64,/) });
  });

  it("setup makes the owner an identity there, signing in with the setup password", async () => {
    const { userId } = await createOwner({ email: "owner@example.test", password: "correct horse battery", name: "Ada Lovelace", workspaceName: "Acme" });
    const user = await (await platformDb()).user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.passwordHash).toBeNull();
    const ctx = await systemContext(PLATFORM_PROJECT_SLUG);
    const identity = await verifyPasswordLogin(ctx, "owner@example.test", "correct horse battery");
    expect(identity?.id).toBe(user.identityId);
    expect(identity?.traits).toEqual({ email: "owner@example.test", name: { first: "Ada", last: "Lovelace" } });
    expect(identity?.verifiableAddresses[0]).toMatchObject({ value: "owner@example.test", verified: true });
    expect(await verifyPasswordLogin(ctx, "owner@example.test", "wrong password")).toBeUndefined();
  });
});

describe("legacy console users", () => {
  it("get an identity with their existing hash imported, once", async () => {
    const db = await platformDb();
    const id = newId();
    await db.user.create({ data: { id, email: "legacy@example.test", name: "Grace", passwordHash: await legacyHash("legacy password 1") } });
    forgetPreparedPlatform();
    await preparePlatform();
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user.identityId).toBeTruthy();
    expect(user.passwordHash).toBeNull();
    const ctx = await systemContext(PLATFORM_PROJECT_SLUG);
    expect((await verifyPasswordLogin(ctx, "legacy@example.test", "legacy password 1"))?.id).toBe(user.identityId);

    // Idempotent: another start links nothing twice; an interrupted run (identity made, link not written) is finished.
    await db.user.update({ where: { id }, data: { identityId: null, passwordHash: await legacyHash("legacy password 1") } });
    forgetPreparedPlatform();
    await preparePlatform();
    expect((await db.user.findUniqueOrThrow({ where: { id } })).identityId).toBe(user.identityId);
    expect(await ctx.db.identity.count({ where: { id: user.identityId! } })).toBe(1);
  });
});

describe("the console handoff", () => {
  it("turns a platform cookie session into a console session and goes to return_to", async () => {
    const { token, session, identity } = await platformSignIn("handoff@example.test", true);
    const result = await handOffToConsole(PLATFORM_PROJECT_SLUG, browser(`a=b; ${COOKIE}=${token}`), "/console/projects/x?tab=1");
    expect(result).toMatchObject({ outcome: "signed_in", location: "/console/projects/x?tab=1" });
    if (result.outcome !== "signed_in") return;
    expect(await userFromSessionToken(result.token)).toMatchObject({ email: "handoff@example.test" });
    const row = await (await platformDb()).consoleSession.findFirstOrThrow({ where: { userId: result.user.id } });
    expect(row.identitySessionId).toBe(session.id);

    // Console sign-out ends both sessions.
    await signOut(result.token);
    expect(await userFromSessionToken(result.token)).toBeUndefined();
    const ctx = await systemContext(PLATFORM_PROJECT_SLUG);
    expect((await getSession(ctx, session.id))?.active).toBe(false);
    expect(identity.id).toBeTruthy();
  });

  it("follows an email changed on the platform project's settings page", async () => {
    const { token, identity, ctx } = await platformSignIn("before@example.test", true);
    await ctx.db.identity.updateMany({ where: { id: identity.id }, data: { traits: { email: "After@Example.test" } } });
    clearSessionCache();
    const result = await handOffToConsole(PLATFORM_PROJECT_SLUG, browser(`${COOKIE}=${token}`), "/console");
    expect(result).toMatchObject({ outcome: "signed_in", user: { email: "after@example.test" } });
    expect(await (await platformDb()).user.count({ where: { email: "after@example.test", identityId: identity.id } })).toBe(1);
  });

  it("refuses open redirects: anything but a console path goes to /console", async () => {
    for (const target of ["//evil.example/console", "https://evil.example/console", "/\\evil.example", "/p/other/ui/login", "/console/login"]) {
      const { token } = await platformSignIn(`redirect-${newId()}@example.test`, true);
      expect(await handOffToConsole(PLATFORM_PROJECT_SLUG, browser(`${COOKIE}=${token}`), target)).toMatchObject({ outcome: "signed_in", location: "/console" });
    }
  });

  it("refuses another project's session", async () => {
    const tenant = await createTestProject();
    const ctx = await systemContext(tenant.slug);
    const identity = await createIdentity(ctx, { schema_id: "preset://email", traits: { email: "tenant@example.test" } });
    const { token } = await issueSession(ctx, { identityId: identity.id, method: "password", device: { ip: "", userAgent: "" } });
    // The tenant's own path has no handoff…
    expect(await handOffToConsole(tenant.slug, browser(`ory_session_${tenant.slug.replace(/-/g, "_")}=${token}`), "/console")).toEqual({ outcome: "not_found" });
    // …and its token under the platform project's cookie name is no platform session.
    expect(await handOffToConsole(PLATFORM_PROJECT_SLUG, browser(`${COOKIE}=${token}`), "/console")).toMatchObject({ outcome: "sign_in" });
  });

  it("sends a browser without a cookie session to the hosted login, coming back through the handoff", async () => {
    const { token } = await platformSignIn("header@example.test", true);
    for (const request of [browser(), browser("", { "x-session-token": token }), browser("", { authorization: `Bearer ${token}` })]) {
      const result = await handOffToConsole(PLATFORM_PROJECT_SLUG, request, "/console/workspaces/w");
      expect(result).toEqual({
        outcome: "sign_in",
        location: `/p/console/ui/login?return_to=${encodeURIComponent("/p/console/ui/console-handoff?return_to=%2Fconsole%2Fworkspaces%2Fw")}`,
      });
    }
  });

  it("refuses an identity that is no console user, and ends its session", async () => {
    const { token, session, ctx } = await platformSignIn("stranger@example.test", false);
    const result = await handOffToConsole(PLATFORM_PROJECT_SLUG, browser(`${COOKIE}=${token}`), "/console");
    expect(result).toMatchObject({ outcome: "refused", location: "/console/login?error=not_a_console_user" });
    if (result.outcome === "refused") expect(result.clearCookie).toMatch(new RegExp(`^${COOKIE}=;.*Path=/p/console;.*Max-Age=0`));
    expect((await getSession(ctx, session.id))?.active).toBe(false);
    expect(await (await platformDb()).consoleSession.count({ where: { identitySessionId: session.id } })).toBe(0);
  });
});

describe("the console handoff in subdomain mode (BASE_DOMAIN)", () => {
  const setEnv = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    resetConfig();
  };
  afterEach(() => {
    setEnv("BASE_DOMAIN", undefined);
    setEnv("PUBLIC_URL", undefined);
  });

  it("on console.{BASE_DOMAIN} sets no console cookie there but sends the browser to the console's origin", async () => {
    setEnv("BASE_DOMAIN", "example.test");
    const { token, session } = await platformSignIn("subdomain@example.test", true);
    const onSubdomain = browser(`${COOKIE}=${token}`, { host: "console.example.test:3000" });
    const result = await handOffToConsole(PLATFORM_PROJECT_SLUG, onSubdomain, "/console/workspaces/w");
    expect(result).toEqual({ outcome: "sign_in", location: "http://example.test:3000/console/login?return_to=%2Fconsole%2Fworkspaces%2Fw" });
    expect(await (await platformDb()).consoleSession.count({ where: { identitySessionId: session.id } })).toBe(0);

    setEnv("PUBLIC_URL", "https://id.example.test");
    expect(await handOffToConsole(PLATFORM_PROJECT_SLUG, onSubdomain, "/console")).toEqual({ outcome: "sign_in", location: "https://id.example.test/console/login" });
  });

  it("on the console's own origin still hands off, the cookie set by the caller on that origin", async () => {
    setEnv("BASE_DOMAIN", "example.test");
    const { token } = await platformSignIn("apex@example.test", true);
    const result = await handOffToConsole(PLATFORM_PROJECT_SLUG, browser(`${COOKIE}=${token}`, { host: "example.test:3000" }), "/console");
    expect(result).toMatchObject({ outcome: "signed_in", location: "/console" });
  });
});
