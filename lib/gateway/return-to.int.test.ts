import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { rule } from "./testing/fixtures";
import { startEchoUpstream, type EchoUpstream } from "./testing/upstream";

// Issue 19 §4: on the forwarding path's path mapping a signed-out browser is sent to the hosted login with a
// return_to that keeps the `/p/{slug}/gateway` prefix, and the login flow accepts it, so the browser comes back.
let database: TestDatabase;
let server: TestServer;
let upstream: EchoUpstream;
let project: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  upstream = await startEchoUpstream();
  project = await createTestProject();
  const host = new URL(server.url).host;
  const created = await fetch(`${server.url}/p/${project.slug}/admin/rules`, {
    method: "POST",
    headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(rule("app", `http://${host}/app/<.*>`, {
      upstream: { url: upstream.url },
      authenticators: [{ handler: "cookie_session" }],
      errors: [{ handler: "redirect", config: { when: [{ error: ["unauthorized"], request: { header: { accept: ["text/html"] } } }] } }, { handler: "json" }],
    })),
  });
  expect(created.status).toBe(201);
}, 240_000);
afterAll(async () => {
  await upstream?.close();
  await server?.close();
  await database?.drop();
});

describe("redirect error handler on /p/{slug}/gateway/*", () => {
  it("builds return_to with the gateway prefix, and the login flow accepts it", async () => {
    const visited = `${server.url}/p/${project.slug}/gateway/app/dashboard?tab=2`;
    const page = await fetch(visited, { redirect: "manual", headers: { accept: "text/html" } });
    expect(page.status).toBe(302);
    const location = new URL(page.headers.get("location")!, server.url);
    expect(location.pathname).toBe(`/p/${project.slug}/ui/login`);
    const returnTo = location.searchParams.get("return_to")!;
    expect(returnTo).toBe(visited);

    const flow = await fetch(`${server.url}/p/${project.slug}/self-service/login/browser?return_to=${encodeURIComponent(returnTo)}`, {
      headers: { accept: "application/json" },
    });
    expect(flow.status).toBe(200);
    expect((await flow.json()).return_to).toBe(returnTo);

    // Without the prefix (the old behaviour) the flow refuses it: the URL is not below the project.
    const bare = await fetch(`${server.url}/p/${project.slug}/self-service/login/browser?return_to=${encodeURIComponent(`${server.url}/app/dashboard`)}`, {
      headers: { accept: "application/json" },
    });
    expect(bare.status).toBe(400);
    expect((await bare.json()).error.id).toBe("self_service_flow_return_to_forbidden");
  });

  it("answers API clients with 401, not a redirect", async () => {
    const api = await fetch(`${server.url}/p/${project.slug}/gateway/app/dashboard`, { redirect: "manual", headers: { accept: "application/json" } });
    expect(api.status).toBe(401);
  });
});
