import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "@/lib/testing/console";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startApiServer, type TestServer } from "@/lib/testing/server";

/** Issue 12 §5: the console API refuses configuration no project should run with, naming the path. */
let database: TestDatabase;
let server: TestServer;
let ws: TestWorkspace;
let projectId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  ws = await createTestWorkspace();
  const created = await console_("POST", "/projects", { name: "Configured", environment: "dev", workspace_id: ws.workspaceId });
  projectId = created.body.id;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function console_(method: string, path: string, body: unknown) {
  const response = await fetch(`${server.url}/api/console${path}`, {
    method, headers: { authorization: `Bearer ${ws.workspaceKey}`, "content-type": "application/json" }, body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const patch = (path: string, value: unknown) => console_("PATCH", `/projects/${projectId}`, [{ op: "add", path: `/services/${path.replaceAll(".", "/")}`, value }]);

describe("project configuration validated on write", () => {
  it.each([
    ["identity.config.selfservice.methods.password.config.min_password_length", -5],
    ["identity.config.session.lifespan", "-1h"],
    ["oauth2.config.ttl.access_token", "forever"],
    ["identity.config.identity.default_schema_id", "no-such-schema"],
    ["identity.config.selfservice.allowed_return_urls", ["javascript:alert(document.cookie)"]],
    ["oauth2.config.urls.login", "javascript:alert(1)"],
  ])("PATCH %s = %j is an Ory 400 naming the path", async (path, value) => {
    const result = await patch(path, value);
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: 400, status: "Bad Request", id: "invalid_project_config" });
    expect(result.body.error.message).toContain(`services.${path}`);
  });

  it.each(["file:///etc/passwd", "http://169.254.169.254/latest/meta-data/"])("refuses the schema URL %s", async (url) => {
    const result = await patch("identity.config.identity.schemas", [{ id: "preset://email", url: "preset://email" }, { id: "evil", url }]);
    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain("services.identity.config.identity.schemas.1.url");
  });

  it("refuses the same through PUT (setProject), and accepts valid settings", async () => {
    const current = await console_("GET", `/projects/${projectId}`, undefined as unknown);
    const services = current.body.services;
    services.oauth2.config.ttl.access_token = "forever";
    const refused = await console_("PUT", `/projects/${projectId}`, { name: "Configured", services });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("services.oauth2.config.ttl.access_token");
    expect((await patch("identity.config.selfservice.methods.password.config.min_password_length", 12)).status).toBe(200);
    expect((await patch("oauth2.config.ttl.access_token", "2h")).status).toBe(200);
  });
});
