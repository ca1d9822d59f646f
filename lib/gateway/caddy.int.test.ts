import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { rule, signedInIdentity } from "./testing/fixtures";
import { caddyBinary, startCaddySite, type CaddySite } from "@/lib/testing/caddy";
import { startEchoUpstream, type EchoUpstream } from "./testing/upstream";

const binary = caddyBinary();
if (!binary) {
  console.warn(
    "\n" + "!".repeat(78) + "\n!! CADDY IS NOT INSTALLED: the Caddy forward_auth end-to-end test is SKIPPED.\n" +
      "!! Install Debian's Caddy (apt-get install -y caddy) to run it.\n" + "!".repeat(78) + "\n",
  );
}

// Issue 19 §3: Caddy `forward_auth` → decisions API → upstream, with the Caddyfile lib/gateway/README.md documents.
describe.skipIf(!binary)("Caddy forward_auth → decisions API → upstream (end to end)", () => {
  let database: TestDatabase;
  let server: TestServer;
  let upstream: EchoUpstream;
  let project: TestProject;
  let site: CaddySite;

  beforeAll(async () => {
    database = await useTestDatabase();
    server = await startApiServer();
    upstream = await startEchoUpstream();
    project = await createTestProject();
    site = await startCaddySite(binary!, server.url, project.slug, upstream.url);
    const created = await fetch(`${server.url}/p/${project.slug}/admin/rules`, {
      method: "POST",
      headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(rule("caddy-app", `${site.url}/<.*>`, {
        match: { url: `${site.url}/<.*>`, methods: ["GET", "HEAD"] },
        errors: [{ handler: "redirect", config: { when: [{ error: ["unauthorized"], request: { header: { accept: ["text/html"] } } }] } }, { handler: "json" }],
      })),
    });
    expect(created.status).toBe(201);
    const jwt = await fetch(`${server.url}/p/${project.slug}/admin/rules`, {
      method: "POST",
      headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(rule("caddy-jwt", `${site.url}/jwt/<.*>`, {
        priority: 1,
        match: { url: `${site.url}/jwt/<.*>`, methods: ["GET"] },
        mutators: [{ handler: "id_token" }],
      })),
    });
    expect(jwt.status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await site?.stop();
    await upstream?.close();
    await server?.close();
    await database?.drop();
  });

  it("answers 401 to an anonymous API client without reaching the upstream", async () => {
    const before = upstream.received.length;
    const response = await fetch(`${site.url}/orders`, { headers: { accept: "application/json", "x-user-id": "forged" } });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe(401);
    expect(upstream.received.length).toBe(before);
  });

  it("forwards a holder of a valid session to the upstream with the decision's X-User-Id (a forged one overwritten)", async () => {
    const { token, identityId } = await signedInIdentity(project.slug, "caddy@example.com");
    const response = await fetch(`${site.url}/orders?page=2`, { headers: { authorization: `Bearer ${token}`, "x-user-id": "forged" } });
    expect(response.status).toBe(200);
    const received = (await response.json()) as { url: string; headers: Record<string, string> };
    expect(received.url).toBe("/orders?page=2");
    expect(received.headers["x-user-id"]).toBe(identityId);
  });

  it("replaces Authorization with the id_token mutator's JWT (copy_headers Authorization)", async () => {
    const { token, identityId } = await signedInIdentity(project.slug, "caddy-jwt@example.com");
    const received = (await (await fetch(`${site.url}/jwt/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { headers: Record<string, string> };
    const jwt = received.headers.authorization?.replace(/^Bearer /, "") ?? "";
    expect(JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()).sub).toBe(identityId);
    // A rule without id_token returns no Authorization: the client's session token still never reaches the upstream
    // (Caddy 2.6.2 sends its literal placeholder instead — see lib/gateway/README.md).
    const plain = (await (await fetch(`${site.url}/orders`, { headers: { authorization: `Bearer ${token}` } })).json()) as { headers: Record<string, string> };
    expect(plain.headers.authorization ?? "").not.toContain(token);
  });

  it("answers 401 to a forged token, 403 outside the rule's methods", async () => {
    const api = { accept: "application/json" };
    expect((await fetch(`${site.url}/`, { headers: { ...api, authorization: `Bearer ory_st_${"a".repeat(43)}` } })).status).toBe(401);
    const { token } = await signedInIdentity(project.slug, "caddy2@example.com");
    expect((await fetch(`${site.url}/`, { method: "POST", headers: { ...api, authorization: `Bearer ${token}` } })).status).toBe(403);
  });

  it("sends a signed-out browser to the hosted login with return_to at the Caddy site", async () => {
    const page = await fetch(`${site.url}/dashboard?tab=1`, { redirect: "manual", headers: { accept: "text/html" } });
    expect(page.status).toBe(302);
    const location = new URL(page.headers.get("location")!);
    expect(location.pathname).toBe(`/p/${project.slug}/ui/login`);
    expect(location.searchParams.get("return_to")).toBe(`${site.url}/dashboard?tab=1`);
  });
});
