import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { nginxBinary, startNginxSite, type NginxSite } from "./testing/nginx";

const binary = nginxBinary();

describe.skipIf(!binary)("nginx auth_request → decisions API with an api_key rule (end to end)", () => {
  let database: TestDatabase;
  let server: TestServer;
  let project: TestProject;
  let other: TestProject;
  let site: NginxSite;

  const admin = async (p: TestProject, path: string, body: unknown) => {
    const response = await fetch(`${server.url}/p/${p.slug}${path}`, {
      method: "POST", headers: { authorization: `Bearer ${p.apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body),
    });
    return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>) };
  };
  const issue = async (p: TestProject, actor: string) =>
    (await admin(p, "/v2alpha1/admin/issuedApiKeys", { name: actor, actor_id: actor })).body as { secret: string; issued_api_key: { key_id: string } };

  beforeAll(async () => {
    database = await useTestDatabase();
    server = await startApiServer();
    project = await createTestProject();
    other = await createTestProject();
    site = await startNginxSite(binary!, `${server.url}/p/${project.slug}/decisions`, "<h1>Partner API</h1>");
    const created = await admin(project, "/admin/rules", {
      id: "partner-api",
      match: { url: `${site.url}/<.*>`, methods: ["GET", "HEAD"] },
      authenticators: [{ handler: "api_key" }],
      authorizer: { handler: "allow" },
      mutators: [{ handler: "header", config: { headers: { "X-User-Id": "{{ print .Subject }}" } } }],
    });
    expect(created.status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await site?.stop();
    await server?.close();
    await database?.drop();
  });

  it("serves a holder of a valid key, with the key's actor from the decision", async () => {
    const { secret } = await issue(project, "partner-7");
    const response = await fetch(`${site.url}/`, { headers: { "x-api-key": secret } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Partner API");
    expect(response.headers.get("x-user-id")).toBe("partner-7");
  });

  it("answers 401 without a key, with another project's key, and once the key is revoked", async () => {
    expect((await fetch(`${site.url}/`)).status).toBe(401);
    const foreign = await issue(other, "elsewhere");
    expect((await fetch(`${site.url}/`, { headers: { "x-api-key": foreign.secret } })).status).toBe(401);
    const revoked = await issue(project, "leaver");
    expect((await fetch(`${site.url}/`, { headers: { "x-api-key": revoked.secret } })).status).toBe(200);
    expect((await admin(project, `/v2alpha1/admin/issuedApiKeys/${revoked.issued_api_key.key_id}:revoke`, { reason: "REVOCATION_REASON_AFFILIATION_CHANGED" })).status).toBe(204);
    const refused = await fetch(`${site.url}/`, { headers: { "x-api-key": revoked.secret } });
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain("Partner API");
  });
});
