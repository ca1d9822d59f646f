import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";

let database: TestDatabase;
let server: TestServer;
let a: TestProject;
let b: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  a = await createTestProject();
  b = await createTestProject();
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const get = (path: string, key?: string) =>
  fetch(server.url + path, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe("project base URL", () => {
  it("serves health and version for a known project", async () => {
    expect(await (await get(`/p/${a.slug}/health/alive`)).json()).toEqual({ status: "ok" });
    expect((await get(`/p/${a.slug}/health/ready`)).status).toBe(200);
    expect(await (await get(`/p/${a.slug}/version`)).json()).toHaveProperty("version");
  });

  it("answers 404 JSON for an unknown project", async () => {
    const response = await get(`/p/no-such-project/health/alive`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe(404);
  });

  it("accepts a project's key on its own admin API only", async () => {
    const own = await get(`/p/${a.slug}/admin/whoami`, a.apiKey);
    expect(own.status).toBe(200);
    expect((await own.json()).project_id).toBe(a.projectId);
    expect((await get(`/p/${b.slug}/admin/whoami`, a.apiKey)).status).toBe(401);
    expect((await get(`/p/${a.slug}/admin/whoami`)).status).toBe(401);
    expect((await get(`/p/${a.slug}/admin/whoami`, "pc_pat_garbage")).status).toBe(401);
    expect((await get(`/p/${a.slug}/admin/whoami`, a.workspaceKey)).status).toBe(401);
  });
});
