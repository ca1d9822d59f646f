import { createLocalJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { rule } from "./testing/fixtures";

let database: TestDatabase;
let server: TestServer;
let a: TestProject;
let b: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  a = await createTestProject();
  b = await createTestProject();
}, 240_000);
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const base = (p: TestProject) => `${server.url}/p/${p.slug}`;
const admin = async (p: TestProject, method: string, path: string, body?: unknown) => {
  const response = await fetch(base(p) + path, {
    method, headers: { authorization: `Bearer ${p.apiKey}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
};
const decide = (p: TestProject, url: string, headers: Record<string, string> = {}) => {
  const u = new URL(url);
  return fetch(`${base(p)}/decisions${u.pathname}${u.search}`, { headers: { "x-forwarded-host": u.host, "x-forwarded-proto": "https", ...headers } });
};
const issue = async (p: TestProject, body: Record<string, unknown>) => {
  const { status, body: issued } = await admin(p, "POST", "/v2alpha1/admin/issuedApiKeys", body);
  expect(status).toBe(201);
  return issued as { secret: string; issued_api_key: { key_id: string } };
};

describe("gateway api_key authenticator through the decisions API", () => {
  beforeAll(async () => {
    for (const p of [a, b]) {
      expect((await admin(p, "POST", "/admin/rules", rule("keyed", "https://api.example.com/<.*>", {
        authenticators: [{ handler: "api_key", config: { required_scope: ["orders:read"] } }],
        mutators: [{ handler: "header", config: { headers: { "X-Actor": "{{ print .Subject }}", "X-Team": "{{ print .Extra.api_key.metadata.team }}" } } }, { handler: "id_token" }],
      }))).status).toBe(201);
    }
    expect((await admin(a, "POST", "/admin/rules", rule("query", "https://q.example.com/<.*>", {
      authenticators: [{ handler: "api_key", config: { token_from: { query_parameter: "key" } } }],
    }))).status).toBe(201);
  });

  it("allows a valid key and hands its metadata to the upstream, in headers and in the id_token", async () => {
    const issued = await issue(a, { name: "orders", actor_id: "svc-orders", scopes: ["orders:read"], metadata: { team: "fulfilment" } });
    const allowed = await decide(a, "https://api.example.com/orders", { "x-api-key": issued.secret });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("x-actor")).toBe("svc-orders");
    expect(allowed.headers.get("x-team")).toBe("fulfilment");
    const token = allowed.headers.get("authorization")!.replace(/^Bearer /, "");
    const jwks = await (await fetch(`${base(a)}/.well-known/jwks.json`)).json();
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks));
    expect(payload).toMatchObject({ sub: "svc-orders", api_key: { id: issued.issued_api_key.key_id, actor_id: "svc-orders", scopes: ["orders:read"], metadata: { team: "fulfilment" } } });
    // Authorization: Bearer works too for our key format.
    expect((await decide(a, "https://api.example.com/orders", { authorization: `Bearer ${issued.secret}` })).status).toBe(200);
  });

  it("reads the key where the rule says (query parameter)", async () => {
    const issued = await issue(a, { name: "query" });
    expect((await decide(a, `https://q.example.com/x?key=${issued.secret}`)).status).toBe(200);
    expect((await decide(a, "https://q.example.com/x", { "x-api-key": issued.secret })).status).toBe(401);
  });

  it("refuses missing, malformed, revoked, expired, foreign and under-scoped keys", async () => {
    const url = "https://api.example.com/orders";
    expect((await decide(a, url)).status).toBe(401);
    expect((await decide(a, url, { "x-api-key": "pc_sk_broken" })).status).toBe(401);
    const narrow = await issue(a, { name: "narrow", scopes: ["orders:write"] });
    expect((await decide(a, url, { "x-api-key": narrow.secret })).status).toBe(403);
    const foreign = await issue(b, { name: "b", scopes: ["orders:read"] });
    expect((await decide(a, url, { "x-api-key": foreign.secret })).status).toBe(401);
    expect((await decide(b, url, { "x-api-key": foreign.secret })).status).toBe(200);
    const revoked = await issue(a, { name: "revoked", scopes: ["orders:read"] });
    expect((await decide(a, url, { "x-api-key": revoked.secret })).status).toBe(200);
    await admin(a, "POST", `/v2alpha1/admin/issuedApiKeys/${revoked.issued_api_key.key_id}:revoke`, { reason: "REVOCATION_REASON_KEY_COMPROMISE" });
    expect((await decide(a, url, { "x-api-key": revoked.secret })).status).toBe(401);
    const rotated = await issue(a, { name: "rotated", scopes: ["orders:read"] });
    const next = await admin(a, "POST", `/v2alpha1/admin/issuedApiKeys/${rotated.issued_api_key.key_id}:rotate`, {});
    expect((await decide(a, url, { "x-api-key": rotated.secret })).status).toBe(401);
    expect((await decide(a, url, { "x-api-key": (next.body as { secret: string }).secret })).status).toBe(200);
    const imported = await admin(a, "POST", "/v2alpha1/admin/importedApiKeys", { raw_key: "legacy-gateway-key-123456", name: "legacy", actor_id: "old", scopes: ["orders:read"], ttl: "1s" });
    expect(imported.status).toBe(201);
    expect((await decide(a, url, { "x-api-key": "legacy-gateway-key-123456" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await decide(a, url, { "x-api-key": "legacy-gateway-key-123456" })).status).toBe(401);
  });
});
