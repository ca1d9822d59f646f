import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseError } from "@ory/client-fetch";
import { consoleClients, createTestConsoleUser, createTestWorkspace, type TestWorkspace } from "@/lib/testing/console";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startApiServer, type TestServer } from "@/lib/testing/server";

let database: TestDatabase;
let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  ws = await createTestWorkspace();
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const whoami = (slug: string, key: string) =>
  fetch(`${server.url}/p/${slug}/admin/whoami`, { headers: { authorization: `Bearer ${key}` } });

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ResponseError) return error.response.status;
    throw error;
  }
}

describe("console API with @ory/client-fetch", () => {
  it("creates, reads, patches and lists projects and their keys", async () => {
    const { projects, workspaces } = consoleClients(server.url, ws.workspaceKey);

    const project = await projects.createProject({ createProjectBody: { name: "My App", environment: "dev" } });
    expect(project.slug).toMatch(/^my-app-[0-9a-f]{6}$/);
    expect(project.workspace_id).toBe(ws.workspaceId);
    expect(project.state).toBe("running");
    expect(project.services.identity?.config).toHaveProperty("selfservice.flows.login.ui_url", "/ui/login");
    expect(project.services.permission?.config).toEqual(expect.objectContaining({ namespaces: [] }));

    const key = await projects.createProjectApiKey({ project: project.id, createProjectApiKeyBody: { name: "ci" } });
    expect(key.value).toMatch(/^pc_pat_/);
    expect(key.project_id).toBe(project.id);

    const read = await projects.getProject({ projectId: project.id });
    expect(read.revision_id).toBe(project.revision_id);
    expect(read.name).toBe("My App");

    const patched = await projects.patchProject({
      projectId: project.id,
      jsonPatch: [
        { op: "replace", path: "/services/identity/config/selfservice/methods/password/config/min_password_length", value: 12 },
        { op: "add", path: "/services/permission/config/namespaces/-", value: { name: "documents" } },
        { op: "replace", path: "/name", value: "My Renamed App" },
      ],
    });
    expect(patched.warnings).toEqual([]);
    expect(patched.project.name).toBe("My Renamed App");
    expect(patched.project.revision_id).not.toBe(project.revision_id);
    expect(patched.project.services.permission?.config).toEqual(expect.objectContaining({ namespaces: [{ name: "documents" }] }));
    const again = await projects.getProject({ projectId: project.id });
    expect(again.services.identity?.config).toHaveProperty("selfservice.methods.password.config.min_password_length", 12);

    // A patch made for an old revision is refused.
    expect(await statusOf(projects.patchProjectWithRevision({
      projectId: project.id, revisionId: project.revision_id, jsonPatch: [{ op: "replace", path: "/name", value: "stale" }],
    }))).toBe(409);

    const list = await projects.listProjects();
    expect(list.map((p) => p.id)).toContain(project.id);
    const inWorkspace = await workspaces.listWorkspaceProjects({ workspace: ws.workspaceId });
    expect(inWorkspace.projects.map((p) => p.slug)).toContain(project.slug);

    const keys = await projects.listProjectApiKeys({ project: project.id });
    expect(keys.map((k) => k.id)).toEqual([key.id]);
    expect(keys[0].value).toBeUndefined();

    // The new key works on its own project only.
    const own = await whoami(project.slug, key.value!);
    expect(own.status).toBe(200);
    expect((await own.json()).project_id).toBe(project.id);
    const other = await projects.createProject({ createProjectBody: { name: "Other", environment: "prod" } });
    expect((await whoami(other.slug, key.value!)).status).toBe(401);

    await projects.deleteProjectApiKey({ project: project.id, tokenId: key.id! });
    expect((await whoami(project.slug, key.value!)).status).toBe(401);
    expect(await projects.listProjectApiKeys({ project: project.id })).toEqual([]);
  });

  it("replaces a project with PUT and purges it with DELETE", async () => {
    const { projects } = consoleClients(server.url, ws.workspaceKey);
    const project = await projects.createProject({ createProjectBody: { name: "Doomed", environment: "stage" } });
    const key = await projects.createProjectApiKey({ project: project.id, createProjectApiKeyBody: { name: "k" } });
    const updated = await projects.setProject({
      projectId: project.id,
      setProject: {
        name: "Doomed, renamed",
        services: { ...project.services, permission: { config: { namespaces: [{ id: 1, name: "files" }] } } },
        cors_admin: { enabled: false, origins: [] },
        cors_public: { enabled: true, origins: ["https://app.example.com"] },
        organizations: [],
      },
    });
    expect(updated.project.name).toBe("Doomed, renamed");
    expect(updated.project.cors_public).toEqual({ enabled: true, origins: ["https://app.example.com"] });

    const members = await projects.getProjectMembers({ project: project.id });
    expect(members.map((m) => m.email)).toEqual([ws.owner.email]);
    expect(members[0].role).toBe("owner");
    // removeProjectMember: project members are the workspace's, so the member leaves the workspace; the last owner stays.
    const developer = await createTestConsoleUser({ workspaceId: ws.workspaceId, role: "developer" });
    expect((await projects.getProjectMembers({ project: project.id })).map((m) => m.email)).toContain(developer.email);
    await projects.removeProjectMember({ project: project.id, member: developer.id });
    expect((await projects.getProjectMembers({ project: project.id })).map((m) => m.email)).toEqual([ws.owner.email]);
    expect(await statusOf(projects.removeProjectMember({ project: project.id, member: developer.id }))).toBe(404);
    expect(await statusOf(projects.removeProjectMember({ project: project.id, member: ws.owner.id }))).toBeGreaterThanOrEqual(400);
    expect((await projects.getProjectMembers({ project: project.id })).map((m) => m.email)).toEqual([ws.owner.email]);

    expect((await whoami(project.slug, key.value!)).status).toBe(200);
    await projects.purgeProject({ projectId: project.id });
    expect(await statusOf(projects.getProject({ projectId: project.id }))).toBe(404);
    expect((await fetch(`${server.url}/p/${project.slug}/health/alive`)).status).toBe(404);
    expect((await whoami(project.slug, key.value!)).status).toBe(404);
    expect((await projects.listProjects()).map((p) => p.id)).not.toContain(project.id);
  });

  it("manages workspaces and workspace keys", async () => {
    const { workspaces } = consoleClients(server.url, ws.workspaceKey);
    const listed = await workspaces.listWorkspaces();
    expect(listed.workspaces.map((w) => w.id)).toEqual([ws.workspaceId]);
    expect(listed.has_next_page).toBe(false);

    const renamed = await workspaces.updateWorkspace({ workspace: ws.workspaceId, updateWorkspaceBody: { name: "Renamed" } });
    expect(renamed.name).toBe("Renamed");
    expect((await workspaces.getWorkspace({ workspace: ws.workspaceId })).name).toBe("Renamed");

    // Only signed-in users create workspaces.
    expect(await statusOf(workspaces.createWorkspace({ createWorkspaceBody: { name: "New" } }))).toBe(403);

    const key = await workspaces.createWorkspaceApiKey({ workspace: ws.workspaceId, createWorkspaceApiKeyBody: { name: "deploy" } });
    expect(key.value).toMatch(/^pc_wak_/);
    const viaNewKey = consoleClients(server.url, key.value!).workspaces;
    expect((await viaNewKey.getWorkspace({ workspace: ws.workspaceId })).id).toBe(ws.workspaceId);
    expect((await workspaces.listWorkspaceApiKeys({ workspace: ws.workspaceId })).map((k) => k.name)).toContain("deploy");

    await workspaces.deleteWorkspaceApiKey({ workspace: ws.workspaceId, tokenId: key.id! });
    expect(await statusOf(viaNewKey.getWorkspace({ workspace: ws.workspaceId }))).toBe(401);
  });

  it("lets a signed-in user create a workspace with a same-origin request", async () => {
    const cookie = `pc_console_session=${ws.owner.sessionToken}`;
    const create = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/console/workspaces`, { method: "POST", headers: { cookie, "content-type": "application/json", ...headers }, body: JSON.stringify({ name: "Second" }) });
    expect((await create({})).status).toBe(403);
    expect((await create({ origin: "https://evil.example" })).status).toBe(403);
    expect((await create({ "sec-fetch-site": "cross-site", origin: server.url })).status).toBe(403);
    const made = await create({ origin: server.url });
    expect(made.status).toBe(201);
    const workspace = await made.json();
    expect(workspace.name).toBe("Second");
    const list = await (await fetch(`${server.url}/api/console/workspaces`, { headers: { cookie } })).json();
    expect(list.workspaces.map((w: { id: string }) => w.id).sort()).toEqual([ws.workspaceId, workspace.id].sort());
    expect((await create({ "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("refuses missing and bad credentials with 401", async () => {
    expect((await fetch(`${server.url}/api/console/projects`)).status).toBe(401);
    const bad = await fetch(`${server.url}/api/console/projects`, { headers: { authorization: "Bearer pc_wak_nope" } });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe(401);
    expect((await fetch(`${server.url}/api/console/projects`, { headers: { cookie: "pc_console_session=pc_cs_nope" } })).status).toBe(401);
  });
});
