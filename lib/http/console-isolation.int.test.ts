import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformDb } from "@/lib/db";
import { consoleClients, createTestConsoleUser, createTestWorkspace, type TestConsoleUser, type TestWorkspace } from "@/lib/testing/console";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startApiServer, type TestServer } from "@/lib/testing/server";

let database: TestDatabase;
let server: TestServer;
let a: TestWorkspace;
let b: TestWorkspace;
let bProject: { id: string; slug: string; revision_id: string };
let bProjectKey: { id: string; value: string };
let bWorkspaceKeyId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  a = await createTestWorkspace();
  b = await createTestWorkspace();
  const viaB = consoleClients(server.url, b.workspaceKey);
  const project = await viaB.projects.createProject({ createProjectBody: { name: "B secret project", environment: "prod" } });
  bProject = { id: project.id, slug: project.slug, revision_id: project.revision_id };
  const key = await viaB.projects.createProjectApiKey({ project: project.id, createProjectApiKeyBody: { name: "b-key" } });
  bProjectKey = { id: key.id!, value: key.value! };
  const wsKeys = await viaB.workspaces.listWorkspaceApiKeys({ workspace: b.workspaceId });
  bWorkspaceKeyId = wsKeys[0].id!;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

type Credentials = Record<string, string>;
const asKey = (key: string): Credentials => ({ authorization: `Bearer ${key}` });
const asUser = (user: TestConsoleUser): Credentials => ({ cookie: `pc_console_session=${user.sessionToken}`, origin: server.url });

/** Every console endpoint, aimed at workspace B's resources. */
function attacksOnB(): { method: string; path: string; body?: unknown }[] {
  const patch = [{ op: "replace", path: "/name", value: "pwned" }];
  const projectRefs = [bProject.id, bProject.slug];
  return [
    { method: "GET", path: `/workspaces/${b.workspaceId}` },
    { method: "PUT", path: `/workspaces/${b.workspaceId}`, body: { name: "pwned" } },
    { method: "GET", path: `/workspaces/${b.workspaceId}/projects` },
    { method: "GET", path: `/workspaces/${b.workspaceId}/tokens` },
    { method: "POST", path: `/workspaces/${b.workspaceId}/tokens`, body: { name: "backdoor" } },
    { method: "DELETE", path: `/workspaces/${b.workspaceId}/tokens/${bWorkspaceKeyId}` },
    { method: "DELETE", path: `/workspaces/${a.workspaceId}/tokens/${bWorkspaceKeyId}` },
    { method: "POST", path: `/projects`, body: { name: "squatter", environment: "dev", workspace_id: b.workspaceId } },
    ...projectRefs.flatMap((ref) => [
      { method: "GET", path: `/projects/${ref}` },
      { method: "PUT", path: `/projects/${ref}`, body: { name: "pwned", services: {}, cors_admin: {}, cors_public: {}, organizations: [] } },
      { method: "PATCH", path: `/projects/${ref}`, body: patch },
      { method: "PATCH", path: `/projects/${ref}/revision/${bProject.revision_id}`, body: patch },
      { method: "DELETE", path: `/projects/${ref}` },
      { method: "GET", path: `/projects/${ref}/members` },
      { method: "DELETE", path: `/projects/${ref}/members/${b.owner.id}` },
      { method: "GET", path: `/projects/${ref}/tokens` },
      { method: "POST", path: `/projects/${ref}/tokens`, body: { name: "backdoor" } },
      { method: "DELETE", path: `/projects/${ref}/tokens/${bProjectKey.id}` },
    ]),
  ];
}

async function expectNoAccess(credentials: Credentials) {
  for (const attack of attacksOnB()) {
    const response = await fetch(`${server.url}/api/console${attack.path}`, {
      method: attack.method,
      headers: { ...credentials, ...(attack.body ? { "content-type": "application/json" } : {}) },
      body: attack.body ? JSON.stringify(attack.body) : undefined,
    });
    const text = await response.text();
    expect([403, 404], `${attack.method} ${attack.path} → ${response.status}`).toContain(response.status);
    expect(text).not.toContain("B secret project");
    expect(text).not.toContain(b.owner.email);
  }
  for (const path of ["/workspaces", "/projects"]) {
    const text = await (await fetch(`${server.url}/api/console${path}`, { headers: credentials })).text();
    expect(text).not.toContain(b.workspaceId);
    expect(text).not.toContain(bProject.id);
  }
}

async function expectBUntouched() {
  const db = await platformDb();
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: b.workspaceId } });
  expect(workspace.name).not.toBe("pwned");
  const project = await db.project.findUniqueOrThrow({ where: { id: bProject.id } });
  expect(project).toMatchObject({ name: "B secret project", state: "running", revision: 1 });
  expect(await db.projectApiKey.count({ where: { projectId: bProject.id } })).toBe(1);
  expect(await db.workspaceApiKey.count({ where: { workspaceId: b.workspaceId } })).toBe(1);
  expect(await db.project.count({ where: { workspaceId: b.workspaceId } })).toBe(1);
  const own = await fetch(`${server.url}/p/${bProject.slug}/admin/whoami`, { headers: { authorization: `Bearer ${bProjectKey.value}` } });
  expect(own.status).toBe(200);
}

describe("console tenant isolation", () => {
  it("workspace A's API key never reads or changes workspace B", async () => {
    await expectNoAccess(asKey(a.workspaceKey));
    await expectBUntouched();
  });

  it("a console user of workspace A never reads or changes workspace B", async () => {
    await expectNoAccess(asUser(a.owner));
    await expectBUntouched();
  });

  it("a project key is not a console credential", async () => {
    const response = await fetch(`${server.url}/api/console/projects/${bProject.id}`, { headers: asKey(bProjectKey.value) });
    expect(response.status).toBe(401);
  });
});

describe("console roles", () => {
  it("a viewer reads but cannot change anything", async () => {
    const viewer = await createTestConsoleUser({ workspaceId: b.workspaceId, role: "viewer" });
    const headers = { ...asUser(viewer), "content-type": "application/json" };
    expect((await fetch(`${server.url}/api/console/projects/${bProject.id}`, { headers })).status).toBe(200);
    expect((await fetch(`${server.url}/api/console/projects/${bProject.id}/members`, { headers })).status).toBe(200);
    const writes = [
      { method: "PATCH", path: `/projects/${bProject.id}`, body: [{ op: "replace", path: "/name", value: "viewer" }] },
      { method: "POST", path: `/projects/${bProject.id}/tokens`, body: { name: "x" } },
      { method: "DELETE", path: `/projects/${bProject.id}/tokens/${bProjectKey.id}` },
      { method: "POST", path: `/projects`, body: { name: "x", environment: "dev", workspace_id: b.workspaceId } },
      { method: "PUT", path: `/workspaces/${b.workspaceId}`, body: { name: "viewer" } },
      { method: "DELETE", path: `/projects/${bProject.id}` },
    ];
    for (const write of writes) {
      const response = await fetch(`${server.url}/api/console${write.path}`, { method: write.method, headers, body: JSON.stringify(write.body) });
      expect(response.status, `${write.method} ${write.path}`).toBe(403);
    }
    await expectBUntouched();
  });

  it("a developer changes projects but not the workspace or project existence", async () => {
    const developer = await createTestConsoleUser({ workspaceId: b.workspaceId, role: "developer" });
    const headers = { ...asUser(developer), "content-type": "application/json" };
    const created = await fetch(`${server.url}/api/console/projects`, { method: "POST", headers, body: JSON.stringify({ name: "Dev project", environment: "dev", workspace_id: b.workspaceId }) });
    expect(created.status).toBe(201);
    const project = await created.json();
    expect((await fetch(`${server.url}/api/console/projects/${project.id}`, { method: "DELETE", headers })).status).toBe(403);
    expect((await fetch(`${server.url}/api/console/workspaces/${b.workspaceId}/tokens`, { headers })).status).toBe(403);
    const viaB = consoleClients(server.url, b.workspaceKey);
    await viaB.projects.purgeProject({ projectId: project.id });
  });
});
