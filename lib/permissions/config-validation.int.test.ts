import { ResponseError } from "@ory/client-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleClients, createTestWorkspace, type TestWorkspace } from "@/lib/testing/console";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { oplLocation } from "./config";

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

const broken = `class User implements Namespace {}
class Doc implements Namespace {
  related: { viewers: User[] }
  permits = { view: (ctx: Context): boolean => this.related.editors.includes(ctx.subject) }
}`;
const valid = broken.replace("editors", "viewers");

async function errorOf(promise: Promise<unknown>): Promise<{ status: number; body: { error: { id?: string; reason?: string; details?: { errors?: unknown[] } } } }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ResponseError) return { status: error.response.status, body: await error.response.json() };
    throw error;
  }
  throw new Error("expected the request to fail");
}

describe("console API: the permission configuration must compile", () => {
  it("rejects OPL with errors on PATCH and PUT with a 400 carrying line and column, and stores valid OPL", async () => {
    const { projects } = consoleClients(server.url, ws.workspaceKey);
    const project = await projects.createProject({ createProjectBody: { name: "Opl", environment: "dev" } });
    const patch = (opl: string) => projects.patchProject({
      projectId: project.id,
      jsonPatch: [{ op: "replace", path: "/services/permission/config/namespaces", value: { location: oplLocation(opl) } }],
    });

    const rejected = await errorOf(patch(broken));
    expect(rejected.status).toBe(400);
    expect(rejected.body.error.id).toBe("invalid_opl");
    expect(rejected.body.error.reason).toMatch(/^line 4, column \d+: /);
    expect(rejected.body.error.details?.errors).toEqual([expect.objectContaining({ start: { Line: 4, column: expect.any(Number) } })]);
    expect((await projects.getProject({ projectId: project.id })).revision_id).toBe(project.revision_id);

    const syntax = await errorOf(patch("class Doc implements Namespace {"));
    expect(syntax.status).toBe(400);
    expect(syntax.body.error.details?.errors?.length).toBeGreaterThan(0);

    const put = await errorOf(projects.setProject({
      projectId: project.id,
      setProject: { name: "Opl", services: { permission: { config: { namespaces: { location: oplLocation(broken) } } } }, cors_admin: {}, cors_public: {}, organizations: [] },
    }));
    expect(put.status).toBe(400);

    const saved = await patch(valid);
    expect(saved.project.services.permission?.config).toEqual(expect.objectContaining({ namespaces: { location: oplLocation(valid) } }));
    // Unrelated edits are not affected.
    expect((await projects.patchProject({ projectId: project.id, jsonPatch: [{ op: "replace", path: "/name", value: "Renamed" }] })).project.name).toBe("Renamed");
  });
});
