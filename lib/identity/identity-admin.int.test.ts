import { Configuration, FrontendApi, IdentityApi, ResponseError } from "@ory/client-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSession } from "@/lib/sessions";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { systemContext } from "./test-context";

let database: TestDatabase;
let server: TestServer;
let a: TestProject;
let b: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  a = await createTestProject();
  b = await createTestProject();
}, 180_000); // migrating a fresh PGlite database is slow on a busy machine
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const config = (p: TestProject, key = p.apiKey) => new Configuration({ basePath: `${server.url}/p/${p.slug}`, accessToken: key });
const identities = (p: TestProject, key?: string) => new IdentityApi(config(p, key));
const frontend = (p: TestProject) => new FrontendApi(new Configuration({ basePath: `${server.url}/p/${p.slug}` }));

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ResponseError) return error.response.status;
    throw error;
  }
}

describe("admin identity API through @ory/client-fetch", () => {
  it("creates an identity with a password, lists, gets, patches and deletes it", async () => {
    const api = identities(a);
    const created = await api.createIdentity({
      createIdentityBody: { schema_id: "preset://email", traits: { email: "Ada@Example.com", name: { first: "Ada" } }, credentials: { password: { config: { password: "correct horse battery staple" } } } },
    });
    expect(created.schema_id).toBe("preset://email");
    expect(created.credentials?.password?.identifiers).toEqual(["ada@example.com"]);
    expect(created.credentials?.password?.config).toBeUndefined();
    expect(created.verifiable_addresses?.[0]).toMatchObject({ value: "ada@example.com", verified: false, via: "email", status: "pending" });
    expect(created.recovery_addresses?.[0]).toMatchObject({ value: "ada@example.com", via: "email" });
    expect(created.schema_url).toBe(`${server.url}/p/${a.slug}/schemas/${Buffer.from("preset://email").toString("base64url")}`);

    const listed = await api.listIdentities({ credentialsIdentifier: "ada@example.com" });
    expect(listed.map((i) => i.id)).toEqual([created.id]);

    const withHash = await api.getIdentity({ id: created.id, includeCredential: ["password"] });
    expect((withHash.credentials?.password?.config as { hashed_password: string }).hashed_password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const patched = await api.patchIdentity({ id: created.id, jsonPatch: [{ op: "replace", path: "/traits/name/first", value: "Augusta" }, { op: "add", path: "/metadata_public", value: { plan: "pro" } }] });
    expect(patched.traits).toMatchObject({ name: { first: "Augusta" } });
    expect(patched.metadata_public).toEqual({ plan: "pro" });

    await api.deleteIdentity({ id: created.id });
    expect(await status(api.getIdentity({ id: created.id }))).toBe(404);
  });

  it("issues a session that toSession accepts, lists and revokes it", async () => {
    const api = identities(a);
    const identity = await api.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "grace@example.com" } } });
    const ctx = await systemContext(a.slug);
    const { session, token } = await issueSession(ctx, { identityId: identity.id, method: "password", device: { ip: "203.0.113.9", userAgent: "vitest" } });
    expect(token).toMatch(/^ory_st_/);

    const whoami = await frontend(a).toSession({ xSessionToken: token });
    expect(whoami.id).toBe(session.id);
    expect(whoami.active).toBe(true);
    expect(whoami.identity?.id).toBe(identity.id);
    expect(whoami.authenticator_assurance_level).toBe("aal1");
    expect(whoami.authentication_methods?.[0]?.method).toBe("password");
    expect(whoami.devices?.[0]).toMatchObject({ ip_address: "203.0.113.9", user_agent: "vitest" });

    const sessions = await api.listIdentitySessions({ id: identity.id });
    expect(sessions.map((s) => s.id)).toEqual([session.id]);
    await api.extendSession({ id: session.id });
    await api.disableSession({ id: session.id });
    expect(await status(frontend(a).toSession({ xSessionToken: token }))).toBe(401);
  });

  it("rejects schema-invalid traits with a 400 Ory error and writes nothing", async () => {
    const before = (await identities(a).listIdentities()).length;
    const response = await fetch(`${server.url}/p/${a.slug}/admin/identities`, {
      method: "POST",
      headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ schema_id: "preset://email", traits: { email: "not-an-email" }, credentials: { password: { config: { password: "x" } } } }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: 400, status: "Bad Request" });
    expect(body.error.details.errors[0].instance_ptr).toBe("#/traits/email");
    expect((await identities(a).listIdentities()).length).toBe(before);
  });

  it("answers malformed and oversize bodies with Ory-shaped 4xx", async () => {
    const post = (body: string) =>
      fetch(`${server.url}/p/${a.slug}/admin/identities`, { method: "POST", headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" }, body });
    const malformed = await post("{ not json");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe(400);
    const oversize = await post(JSON.stringify({ schema_id: "preset://email", traits: { email: "x@example.com", pad: "x".repeat(2 * 1024 * 1024) } }));
    expect(oversize.status).toBe(413);
    expect((await post(JSON.stringify({ traits: "nope" }))).status).toBe(400);
  });

  it("answers duplicates with 409", async () => {
    const body = { schema_id: "preset://email", traits: { email: "dup@example.com" } };
    await identities(a).createIdentity({ createIdentityBody: body });
    expect(await status(identities(a).createIdentity({ createIdentityBody: body }))).toBe(409);
  });
});

describe("tenant isolation", () => {
  it("keeps project A's identities and sessions out of project B's reach", async () => {
    const identity = await identities(a).createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "iso@example.com" } } });
    const { token } = await issueSession(await systemContext(a.slug), { identityId: identity.id, method: "password", device: { ip: "127.0.0.1", userAgent: "t" } });
    // A's id through B's project with B's key: unknown there.
    expect(await status(identities(b).getIdentity({ id: identity.id }))).toBe(404);
    expect(await status(identities(b).deleteIdentity({ id: identity.id }))).toBe(404);
    expect(await identities(b).listIdentities({ credentialsIdentifier: "iso@example.com" })).toEqual([]);
    // B's key on A's project: unauthorized.
    expect(await status(identities(a, b.apiKey).getIdentity({ id: identity.id }))).toBe(401);
    // A's session token and cookie on B's project: no session.
    expect(await status(frontend(b).toSession({ xSessionToken: token }))).toBe(401);
    const cookieName = `ory_session_${b.slug.replace(/-/g, "_")}`;
    const viaCookie = await fetch(`${server.url}/p/${b.slug}/sessions/whoami`, { headers: { cookie: `${cookieName}=${token}` } });
    expect(viaCookie.status).toBe(401);
    expect((await viaCookie.json()).error.id).toBe("session_inactive");
    // …while it works on A.
    expect((await frontend(a).toSession({ xSessionToken: token })).identity?.id).toBe(identity.id);
  });
});
