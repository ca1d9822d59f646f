import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { signedInIdentity } from "./testing/fixtures";
import { nginxBinary, startNginxSite, type NginxSite } from "./testing/nginx";

const binary = nginxBinary();
if (!binary) {
  console.warn(
    "\n" + "!".repeat(78) + "\n!! NGINX IS NOT INSTALLED: the nginx auth_request end-to-end test is SKIPPED.\n" +
      "!! Install Debian's nginx (apt-get install -y nginx-light) to run it.\n" + "!".repeat(78) + "\n",
  );
}

describe.skipIf(!binary)("nginx auth_request → decisions API (end to end)", () => {
  let database: TestDatabase;
  let server: TestServer;
  let project: TestProject;
  let site: NginxSite;

  beforeAll(async () => {
    database = await useTestDatabase();
    server = await startApiServer();
    project = await createTestProject();
    site = await startNginxSite(binary!, `${server.url}/p/${project.slug}/decisions`, "<h1>Members only</h1>");
    const created = await fetch(`${server.url}/p/${project.slug}/admin/rules`, {
      method: "POST",
      headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({
        id: "static-site",
        match: { url: `${site.url}/<.*>`, methods: ["GET", "HEAD"] },
        authenticators: [{ handler: "bearer_token" }, { handler: "cookie_session" }],
        authorizer: { handler: "allow" },
        mutators: [{ handler: "header", config: { headers: { "X-User-Id": "{{ print .Subject }}" } } }],
      }),
    });
    expect(created.status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await site?.stop();
    await server?.close();
    await database?.drop();
  });

  it("answers 401 to an anonymous visitor", async () => {
    const response = await fetch(`${site.url}/`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("Members only");
  });

  it("serves the page to a holder of a valid session token, with the user id from the decision", async () => {
    const { token, identityId } = await signedInIdentity(project.slug, "nginx@example.com");
    const response = await fetch(`${site.url}/`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Members only");
    expect(response.headers.get("x-user-id")).toBe(identityId);
  });

  it("answers 401 to a forged token and 403 outside the rule's methods", async () => {
    expect((await fetch(`${site.url}/`, { headers: { authorization: `Bearer ory_st_${"a".repeat(43)}` } })).status).toBe(401);
    const { token } = await signedInIdentity(project.slug, "nginx2@example.com");
    expect((await fetch(`${site.url}/`, { method: "POST", headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });
});
