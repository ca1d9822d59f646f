import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdentity } from "@/lib/identity";
import { systemContext } from "@/lib/identity/test-context";
import { platformDb } from "@/lib/db";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { addAuthenticationMethod, extendSession, getSession, issueSession, sessionCookie } from "./index";

let database: TestDatabase;
let server: TestServer;
let project: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  project = await createTestProject({ services: { identity: { config: { session: { lifespan: "24h", earliest_possible_extend: "1h" } } } } });
}, 180_000); // migrating a fresh PGlite database is slow on a busy machine
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const url = (path: string) => `${server.url}/p/${project.slug}${path}`;
const admin = (path: string, init: RequestInit = {}) => fetch(url(path), { ...init, headers: { authorization: `Bearer ${project.apiKey}`, ...init.headers } });

async function newUser(email: string) {
  const ctx = await systemContext(project.slug);
  const identity = await createIdentity(ctx, { schema_id: "preset://email", traits: { email } });
  const issue = () => issueSession(ctx, { identityId: identity.id, method: "password", device: { ip: "198.51.100.7", userAgent: "Firefox" } });
  return { ctx, identity, issue };
}

describe("issueSession", () => {
  it("returns the record exactly as stored", async () => {
    const { ctx, issue } = await newUser("issued@example.com");
    const { session } = await issue();
    expect(await ctx.db.session.findFirst({ where: { id: session.id } })).toStrictEqual(session);
  });
});

describe("whoami", () => {
  it("accepts the cookie, X-Session-Token and Authorization: Bearer", async () => {
    const { identity, issue } = await newUser("who@example.com");
    const { session, token } = await issue();
    const cookieName = `ory_session_${project.slug.replace(/-/g, "_")}`;
    for (const headers of [{ cookie: `other=1; ${cookieName}=${token}` }, { "x-session-token": token }, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
      const response = await fetch(url("/sessions/whoami"), { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-kratos-authenticated-identity-id")).toBe(identity.id);
      const body = await response.json();
      expect(body).toMatchObject({ id: session.id, active: true, authenticator_assurance_level: "aal1", identity: { id: identity.id, traits: { email: "who@example.com" } } });
      expect(body.identity.metadata_admin).toBeUndefined();
      expect(body.identity.credentials).toBeUndefined();
    }
  });

  it("answers 401 session_inactive without a valid session", async () => {
    for (const headers of [{}, { "x-session-token": "ory_st_nonsense" }, { cookie: "ory_session_x=abc" }] as Record<string, string>[]) {
      const response = await fetch(url("/sessions/whoami"), { headers });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatchObject({ id: "session_inactive", code: 401 });
    }
  });

  it("never serves a revoked session, even right after it was cached", async () => {
    const { issue } = await newUser("revoked@example.com");
    const { session, token } = await issue();
    expect((await fetch(url("/sessions/whoami"), { headers: { "x-session-token": token } })).status).toBe(200);
    expect((await admin(`/admin/sessions/${session.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(url("/sessions/whoami"), { headers: { "x-session-token": token } })).status).toBe(401);
    const db = await platformDb();
    expect(await db.auditEvent.count({ where: { projectId: project.projectId, action: "session.revoked", targetId: session.id } })).toBe(1);
  });

  it("requires aal2 once the identity has a second factor, until one is completed", async () => {
    const { ctx, identity, issue } = await newUser("mfa@example.com");
    const { session, token } = await issue();
    await ctx.db.identityCredential.create({ data: { projectId: project.projectId, id: crypto.randomUUID(), identityId: identity.id, type: "totp", config: {} } });
    await ctx.db.session.update({ where: { projectId_id: { projectId: project.projectId, id: session.id } }, data: { aal: "aal1" } });
    (await import("./cache")).invalidateSession(project.projectId, session.id);
    const denied = await fetch(url("/sessions/whoami"), { headers: { "x-session-token": token } });
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.id).toBe("session_aal2_required");
    await addAuthenticationMethod(ctx, session.id, "totp", "aal2");
    const allowed = await (await fetch(url("/sessions/whoami"), { headers: { "x-session-token": token } })).json();
    expect(allowed.authenticator_assurance_level).toBe("aal2");
    expect(allowed.authentication_methods.map((m: { method: string }) => m.method)).toEqual(["password", "totp"]);
  });
});

describe("my sessions", () => {
  it("lists and revokes the caller's other sessions, never the current one", async () => {
    const { issue } = await newUser("many@example.com");
    const current = await issue();
    const second = await issue();
    const third = await issue();
    const headers = { "x-session-token": current.token };
    const others = await (await fetch(url("/sessions"), { headers })).json();
    expect(others.map((s: { id: string }) => s.id).sort()).toEqual([second.session.id, third.session.id].sort());
    expect((await fetch(url(`/sessions/${current.session.id}`), { method: "DELETE", headers })).status).toBe(400);
    expect((await fetch(url(`/sessions/${second.session.id}`), { method: "DELETE", headers })).status).toBe(204);
    const revoked = await fetch(url("/sessions"), { method: "DELETE", headers });
    expect(await revoked.json()).toEqual({ count: 1 });
    expect((await fetch(url("/sessions/whoami"), { headers: { "x-session-token": third.token } })).status).toBe(401);
    expect((await fetch(url("/sessions/whoami"), { headers })).status).toBe(200);
  });
});

describe("admin sessions", () => {
  it("pages with Link headers and expands identities on request", async () => {
    const { issue } = await newUser("paged@example.com");
    await issue();
    await issue();
    const first = await admin("/admin/sessions?page_size=1&expand=identity");
    expect(first.status).toBe(200);
    const links = first.headers.get("link") ?? "";
    expect(links).toContain('rel="first"');
    const next = /<([^>]+)>; rel="next"/.exec(links)?.[1];
    expect(next).toBeDefined();
    const [page] = await first.json();
    expect(page.identity.id).toBeDefined();
    const second = await (await fetch(next!, { headers: { authorization: `Bearer ${project.apiKey}` } })).json();
    expect(second[0].id).not.toBe(page.id);
    expect(second[0].identity.id).toBeDefined(); // the next link keeps the query (expand)
    expect((await admin("/admin/sessions?page_token=garbage")).status).toBe(400);
    expect((await admin(`/admin/sessions/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("extends only within earliest_possible_extend", async () => {
    const { ctx, issue } = await newUser("extend@example.com");
    const { session } = await issue();
    expect(await extendSession(ctx, session.id)).toBe("not_yet");
    const later = { ...ctx, now: new Date(session.expiresAt.getTime() - 30 * 60_000) };
    expect(await extendSession(later, session.id)).toBe("extended");
    expect((await getSession(ctx, session.id))!.expiresAt.getTime()).toBe(later.now.getTime() + 24 * 3_600_000);
    expect((await admin(`/admin/sessions/${session.id}/extend`, { method: "PATCH" })).status).toBe(204);
    expect((await admin(`/admin/sessions/${crypto.randomUUID()}/extend`, { method: "PATCH" })).status).toBe(404);
  });
});

describe("session cookie", () => {
  it("is httpOnly, SameSite=Lax, scoped to the project path, Secure behind https", async () => {
    const { project: record } = await systemContext(project.slug);
    const expires = new Date(Date.now() + 3_600_000);
    const plain = sessionCookie(record, "ory_st_x", expires, { header: () => undefined });
    expect(plain).toMatch(new RegExp(`^ory_session_${project.slug.replace(/-/g, "_")}=ory_st_x; Path=/p/${project.slug}; HttpOnly; SameSite=Lax; Expires=`));
    expect(plain).not.toContain("Secure");
    expect(sessionCookie(record, "ory_st_x", expires, { connection: { remoteAddress: "127.0.0.1", encrypted: false }, header: (n) => ({ host: "localhost", "x-forwarded-proto": "https" })[n] })).toContain("; Secure");
    // The same header from a peer that is no trusted proxy does not count.
    expect(sessionCookie(record, "ory_st_x", expires, { connection: { remoteAddress: "203.0.113.9", encrypted: false }, header: (n) => ({ host: "localhost", "x-forwarded-proto": "https" })[n] })).not.toContain("Secure");
  });
});
