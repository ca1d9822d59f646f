import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { machineRoutes } from "./routes";

/**
 * The tenant-isolation sweep over the whole route table: every admin endpoint of project B, called with
 * project A's key (or a workspace key, or nothing), answers 401 — so no admin route can forget its key check.
 */
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

const FAKE_ID = "00000000-0000-4000-8000-000000000000";
const adminRoutes = machineRoutes.filter((r) => r.path.startsWith("/p/:project/admin/") || r.path.startsWith("/p/:project/v2alpha1/admin/"));

function concretePath(pattern: string, slug: string): string {
  return pattern
    .split("/")
    .map((segment) => (segment === ":project" ? slug : segment.startsWith(":") ? FAKE_ID : segment.startsWith("*") ? "x" : segment))
    .join("/");
}

async function call(method: string, path: string, key?: string): Promise<number> {
  const verb = method === "*" ? "GET" : method;
  const hasBody = !["GET", "HEAD", "DELETE"].includes(verb);
  const response = await fetch(server.url + path, {
    method: verb,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(hasBody ? { "content-type": "application/json" } : {}) },
    body: hasBody ? "{}" : undefined,
  });
  await response.arrayBuffer();
  return response.status;
}

describe("every admin route checks the project's own API key", () => {
  it("has admin routes to sweep", () => {
    expect(adminRoutes.length).toBeGreaterThan(20);
  });

  it("rejects project A's key, a workspace key and no key on project B", async () => {
    const leaks: string[] = [];
    for (const route of adminRoutes) {
      const path = concretePath(route.path, b.slug);
      for (const [label, key] of [["A's project key", a.apiKey], ["B's workspace key", b.workspaceKey], ["no key", undefined]] as const) {
        const status = await call(route.method, path, key);
        if (status !== 401) leaks.push(`${route.method} ${route.path} with ${label}: ${status}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("lets B's own key past the key check (no 401) on the same routes", async () => {
    const refused: string[] = [];
    for (const route of adminRoutes) {
      const status = await call(route.method, concretePath(route.path, b.slug), b.apiKey);
      if (status === 401) refused.push(`${route.method} ${route.path}`);
    }
    expect(refused).toEqual([]);
  });
});
