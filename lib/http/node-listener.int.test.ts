import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";

let database: TestDatabase;
let server: TestServer;
let project: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  project = await createTestProject();
}, 180_000);
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe("the machine listener", () => {
  it("never runs a machine endpoint for Next's RSC fetches (server-action redirects), only for real requests", async () => {
    const url = `${server.url}/p/${project.slug}/admin/whoami`;
    const headers = { authorization: `Bearer ${project.apiKey}` };
    const rsc = await fetch(url, { headers: { ...headers, rsc: "1" } });
    expect(rsc.status).toBe(204);
    expect(rsc.headers.get("content-type")).toBeNull();
    expect((await fetch(url, { headers })).status).toBe(200);
    // Pages are Next's: an RSC request for one passes through.
    expect((await fetch(`${server.url}/console`, { headers: { rsc: "1" } })).status).toBe(404);
  });
});
