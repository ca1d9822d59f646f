import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { rule, signedInIdentity } from "./testing/fixtures";
import { nginxBinary, startNginxSite, type NginxSite } from "./testing/nginx";

const binary = nginxBinary();
if (!binary) {
  console.warn(
    "\n" + "!".repeat(78) + "\n!! NGINX IS NOT INSTALLED: the ingress-nginx (auth-url) end-to-end test is SKIPPED.\n" +
      "!! Install Debian's nginx (apt-get install -y nginx-light) to run it.\n" + "!".repeat(78) + "\n",
  );
}

// Issue 19 §3: Kubernetes ingress-nginx's `auth-url` / `auth-response-headers` / `auth-signin` annotations, as the
// auth location ingress-nginx generates (X-Original-URL, X-Original-Method, its own Host), run on Debian's nginx.
describe.skipIf(!binary)("ingress-nginx auth-url → decisions API (end to end, no auth-snippet)", () => {
  let database: TestDatabase;
  let server: TestServer;
  let project: TestProject;
  let site: NginxSite;

  beforeAll(async () => {
    database = await useTestDatabase();
    server = await startApiServer();
    project = await createTestProject();
    site = await startNginxSite(binary!, `${server.url}/p/${project.slug}/decisions`, "<h1>Cluster app</h1>", {
      style: "ingress-nginx",
      signin: `${server.url}/p/${project.slug}/ui/login`,
    });
    const created = await fetch(`${server.url}/p/${project.slug}/admin/rules`, {
      method: "POST",
      headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(rule("ingress", `${site.url}/<.*>`, { match: { url: `${site.url}/<.*>`, methods: ["GET", "HEAD"] } })),
    });
    expect(created.status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await site?.stop();
    await server?.close();
    await database?.drop();
  });

  it("serves a session holder, with the user id the decision returned", async () => {
    const { token, identityId } = await signedInIdentity(project.slug, "k8s@example.com");
    const response = await fetch(`${site.url}/`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Cluster app");
    expect(response.headers.get("x-user-id")).toBe(identityId);
  });

  it("sends an anonymous visitor to auth-signin with return_to, and refuses methods outside the rule", async () => {
    const anonymous = await fetch(`${site.url}/index.html`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    const location = new URL(anonymous.headers.get("location")!);
    expect(location.pathname).toBe(`/p/${project.slug}/ui/login`);
    expect(location.searchParams.get("return_to")).toBe(`${site.url}/index.html`);
    const { token } = await signedInIdentity(project.slug, "k8s2@example.com");
    expect((await fetch(`${site.url}/`, { method: "POST", headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });
});
