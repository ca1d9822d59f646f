// eslint-disable-next-line no-restricted-imports -- this test drives proxy.ts (Next's middleware) itself
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { rule, signedInIdentity } from "./testing/fixtures";
import { startEchoUpstream, type EchoUpstream } from "./testing/upstream";

let database: TestDatabase;
let server: TestServer;
let upstream: EchoUpstream;
let project: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  upstream = await startEchoUpstream();
  project = await createTestProject();
  const created = await fetch(`${server.url}/p/${project.slug}/admin/rules`, {
    method: "POST",
    headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(rule("app", "http://localhost/api/<.*>", {
      upstream: { url: `${upstream.url}/base`, strip_path: "/api" },
      authenticators: [{ handler: "cookie_session" }, { handler: "bearer_token" }],
      errors: [{ handler: "redirect", config: { when: [{ error: ["unauthorized"], request: { header: { accept: ["text/html"] } } }] } }],
    })),
  });
  expect(created.status).toBe(201);
}, 240_000);
afterAll(async () => {
  await upstream?.close();
  await server?.close();
  await database?.drop();
});

const through = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  proxy(new NextRequest(`http://localhost/p/${project.slug}/gateway${path}`, { method, headers: { host: "localhost", ...headers } }));

/** What Next does with a middleware rewrite: sends the request, with the overridden headers, to the target. */
async function forward(response: Response, originalHeaders: Record<string, string> = {}) {
  const target = response.headers.get("x-middleware-rewrite");
  expect(target).toBeTruthy();
  const overridden = (response.headers.get("x-middleware-override-headers") ?? "").split(",").filter(Boolean);
  const headers: Record<string, string> = { ...originalHeaders };
  for (const name of overridden) headers[name] = response.headers.get(`x-middleware-request-${name}`) ?? "";
  delete headers.host;
  return (await (await fetch(target!, { headers })).json()) as { url: string; headers: Record<string, string> };
}

describe("proxy.ts (Next middleware) → project gateway → upstream", () => {
  it("forwards a signed-in browser to the upstream with X-User-Id, stripping the path prefix", async () => {
    const { token, identityId } = await signedInIdentity(project.slug, "browser@example.com");
    const cookie = `ory_session_${project.slug.replace(/-/g, "_")}=${token}`;
    const response = await through("/api/orders?page=2", { cookie });
    expect(response.headers.get("x-middleware-rewrite")).toBe(`${upstream.url}/base/orders?page=2`);
    expect(response.headers.get("content-security-policy")).toMatch(/^sandbox /);
    const received = await forward(response, { cookie });
    expect(received.url).toBe("/base/orders?page=2");
    expect(received.headers["x-user-id"]).toBe(identityId);
    expect(received.headers["x-forwarded-host"]).toBe("localhost");
  });

  it("redirects an anonymous browser to the hosted login and answers 401 to an API client", async () => {
    const page = await through("/api/orders", { accept: "text/html" });
    expect(page.status).toBe(302);
    const location = new URL(page.headers.get("location")!);
    expect(location.pathname).toBe(`/p/${project.slug}/ui/login`);
    // The URL the browser used, gateway prefix included (issue 19 §4), so it comes back after signing in.
    expect(location.searchParams.get("return_to")).toBe(`http://localhost/p/${project.slug}/gateway/api/orders`);
    expect((await through("/api/orders", { accept: "application/json" })).status).toBe(401);
  });

  it("denies paths no rule matches, and leaves other paths to the rest of the middleware", async () => {
    const { token } = await signedInIdentity(project.slug, "other@example.com");
    expect((await through("/admin", { authorization: `Bearer ${token}` })).status).toBe(403);
    const page = await proxy(new NextRequest(`http://localhost/p/${project.slug}/ui/login`, { headers: { host: "localhost" } }));
    expect(page.headers.get("x-middleware-next")).toBe("1");
  });
});
