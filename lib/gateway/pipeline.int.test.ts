import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filesOpl } from "@/lib/permissions/testing/models";
import { setProjectOpl } from "@/lib/permissions/testing/project";
import { closeSqlRunner } from "@/lib/permissions/store/sql-runner";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { rule, signedInIdentity } from "./testing/fixtures";
import { resetConfig } from "@/lib/config";

let database: TestDatabase;
let server: TestServer;
let a: TestProject;
let b: TestProject;

beforeAll(async () => {
  process.env.GATEWAY_OUTBOUND_ALLOW = "127.0.0.0/8"; // in-process peers on loopback (SSRF guard)
  resetConfig();
  database = await useTestDatabase();
  server = await startApiServer();
  a = await createTestProject();
  b = await createTestProject();
}, 240_000);
afterAll(async () => {
  delete process.env.GATEWAY_OUTBOUND_ALLOW;
  resetConfig();
  await closeSqlRunner();
  await server?.close();
  await database?.drop();
});

const base = (p: TestProject) => `${server.url}/p/${p.slug}`;
const admin = (p: TestProject, method: string, path: string, body?: unknown) =>
  fetch(base(p) + path, {
    method,
    headers: { authorization: `Bearer ${p.apiKey}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const decide = (p: TestProject, url: string, headers: Record<string, string> = {}) => {
  const u = new URL(url);
  return fetch(`${base(p)}/decisions${u.pathname}`, { headers: { "x-forwarded-host": u.host, "x-forwarded-proto": "https", ...headers } });
};

/** An OAuth2 client of `p` and an access token from its client_credentials grant at /oauth2/token. */
async function clientCredentialsToken(p: TestProject, strategy: "jwt" | "opaque", scope = "read") {
  const created = await admin(p, "POST", "/admin/clients", {
    grant_types: ["client_credentials"], scope: "read write", token_endpoint_auth_method: "client_secret_basic", access_token_strategy: strategy,
  });
  expect(created.status).toBe(201);
  const client = (await created.json()) as { client_id: string; client_secret: string };
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString("base64")}`;
  const response = await fetch(`${base(p)}/oauth2/token`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", scope }),
  });
  expect(response.status).toBe(200);
  return { token: ((await response.json()) as { access_token: string }).access_token, clientId: client.client_id, basic };
}

const subjectHeader = [{ handler: "header", config: { headers: { "X-Subject": "{{ print .Subject }}", "X-Scope": "{{ print .Extra.scope }}" } } }];

describe("OAuth2 access tokens", () => {
  it("are accepted by oauth2_introspection (opaque and JWT), with scope checks", async () => {
    await admin(a, "POST", "/admin/rules", rule("intro", "https://api.example.com/<.*>", {
      authenticators: [{ handler: "bearer_token" }, { handler: "oauth2_introspection", config: { required_scope: ["read"], scope_strategy: "exact" } }],
      mutators: subjectHeader,
    }));
    for (const strategy of ["opaque", "jwt"] as const) {
      const { token, clientId } = await clientCredentialsToken(a, strategy);
      const response = await decide(a, "https://api.example.com/items", { authorization: `Bearer ${token}` });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-subject")).toBe(clientId);
      expect(response.headers.get("x-scope")).toBe("read");
    }
    const writeOnly = await clientCredentialsToken(a, "opaque", "write");
    expect((await decide(a, "https://api.example.com/items", { authorization: `Bearer ${writeOnly.token}` })).status).toBe(403);
    expect((await decide(a, "https://api.example.com/items", { authorization: "Bearer pc_at_forged" })).status).toBe(401);
  });

  it("are accepted by jwt against the issuer's JWKS, with issuer, audience and scope checks", async () => {
    const jwks = `${base(a)}/.well-known/jwks.json`;
    const common = { jwks_urls: [jwks], allowed_algorithms: ["ES256"], trusted_issuers: [base(a)] };
    await admin(a, "POST", "/admin/rules", rule("jwt", "https://jwt.example.com/<.*>", { authenticators: [{ handler: "jwt", config: { ...common, required_scope: ["read"] } }], mutators: subjectHeader }));
    await admin(a, "POST", "/admin/rules", rule("jwt-aud", "https://aud.example.com/<.*>", { authenticators: [{ handler: "jwt", config: { ...common, target_audience: ["billing"] } }] }));
    await admin(a, "POST", "/admin/rules", rule("jwt-rs", "https://rs.example.com/<.*>", { authenticators: [{ handler: "jwt", config: { jwks_urls: [jwks] } }] }));
    const { token, clientId } = await clientCredentialsToken(a, "jwt");
    const ok = await decide(a, "https://jwt.example.com/x", { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-subject")).toBe(clientId);
    expect((await decide(a, "https://aud.example.com/x", { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await decide(a, "https://rs.example.com/x", { authorization: `Bearer ${token}` })).status).toBe(401);
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect((await decide(a, "https://jwt.example.com/x", { authorization: `Bearer ${tampered}` })).status).toBe(401);
    const opaque = await clientCredentialsToken(a, "opaque");
    expect((await decide(a, "https://jwt.example.com/x", { authorization: `Bearer ${opaque.token}` })).status).toBe(401);
  });

  it("never lets project B accept project A's tokens", async () => {
    const { token } = await clientCredentialsToken(a, "opaque");
    await admin(b, "POST", "/admin/rules", rule("intro", "https://api.example.com/<.*>", { authenticators: [{ handler: "oauth2_introspection" }] }));
    expect((await decide(b, "https://api.example.com/items", { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it("authenticate clients with oauth2_client_credentials", async () => {
    await admin(a, "POST", "/admin/rules", rule("cc", "https://m2m.example.com/<.*>", {
      authenticators: [{ handler: "oauth2_client_credentials", config: { required_scope: ["read"] } }], mutators: subjectHeader,
    }));
    const { basic, clientId } = await clientCredentialsToken(a, "opaque");
    const response = await decide(a, "https://m2m.example.com/", { authorization: basic });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-subject")).toBe(clientId);
    const wrong = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:nope`).toString("base64")}`;
    expect((await decide(a, "https://m2m.example.com/", { authorization: wrong })).status).toBe(401);
  });
});

describe("permission authorizer", () => {
  it("lets the owner of a document through and denies others", async () => {
    await setProjectOpl(a.projectId, a.slug, filesOpl);
    const owner = await signedInIdentity(a.slug, "owner@example.com");
    const other = await signedInIdentity(a.slug, "other@example.com");
    const put = await admin(a, "PUT", "/admin/relation-tuples", { namespace: "File", object: "doc-1", relation: "owners", subject_id: owner.identityId });
    expect(put.status).toBeLessThan(300);
    await admin(a, "POST", "/admin/rules", rule("docs", "https://docs.example.com/files/<[^/]+>", {
      authorizer: { handler: "permission", config: { namespace: "File", object: "{{ printIndex .MatchContext.RegexpCaptureGroups 0 }}", relation: "edit" } },
    }));
    const asOwner = await decide(a, "https://docs.example.com/files/doc-1", { authorization: `Bearer ${owner.token}` });
    expect(asOwner.status).toBe(200);
    expect(asOwner.headers.get("x-user-id")).toBe(owner.identityId);
    expect((await decide(a, "https://docs.example.com/files/doc-1", { authorization: `Bearer ${other.token}` })).status).toBe(403);
    expect((await decide(a, "https://docs.example.com/files/doc-2", { authorization: `Bearer ${owner.token}` })).status).toBe(403);
    const explained = await (await admin(a, "POST", "/admin/gateway/test", { url: "https://docs.example.com/files/doc-1", headers: { authorization: `Bearer ${other.token}` } })).json();
    expect(explained.verdicts.find((v: { stage: string }) => v.stage === "authorizer")).toMatchObject({ handler: "permission", outcome: "failed" });
  });
});
