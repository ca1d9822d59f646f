import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformDb } from "@/lib/db";
import { consoleClients, createTestWorkspace, type TestWorkspace } from "@/lib/testing/console";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startApiServer, type TestServer } from "@/lib/testing/server";

let database: TestDatabase;
let server: TestServer;
let ws: TestWorkspace;
let project: { id: string; slug: string };

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  ws = await createTestWorkspace();
  const created = await consoleClients(server.url, ws.workspaceKey).projects.createProject({ createProjectBody: { name: "Stable", environment: "dev" } });
  project = { id: created.id, slug: created.slug };
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function call(method: string, path: string, body?: string, contentType = "application/json") {
  const response = await fetch(`${server.url}/api/console${path}`, {
    method,
    headers: { authorization: `Bearer ${ws.workspaceKey}`, ...(body !== undefined ? { "content-type": contentType } : {}) },
    body,
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type") ?? "", json: text ? JSON.parse(text) : undefined };
}

async function snapshot() {
  const db = await platformDb();
  return {
    project: await db.project.findUniqueOrThrow({ where: { id: project.id } }),
    revisions: await db.projectRevision.count({ where: { projectId: project.id } }),
    keys: await db.projectApiKey.count({ where: { projectId: project.id } }),
    projects: await db.project.count(),
    workspace: await db.workspace.findUniqueOrThrow({ where: { id: ws.workspaceId } }),
    workspaceKeys: await db.workspaceApiKey.count(),
    audit: await db.auditEvent.count(),
  };
}

const patch = (ops: unknown) => call("PATCH", `/projects/${project.id}`, JSON.stringify(ops));

describe("console API input validation", () => {
  it("refuses bad input with Ory error bodies and changes nothing", async () => {
    const before = await snapshot();
    const cases: [string, () => ReturnType<typeof call>, number][] = [
      ["malformed JSON", () => call("POST", "/projects", "{name: 'x'"), 400],
      ["empty body", () => call("POST", "/projects", ""), 400],
      ["wrong content type", () => call("POST", "/projects", JSON.stringify({ name: "x", environment: "dev" }), "text/plain"), 415],
      ["form content type", () => call("PATCH", `/projects/${project.id}`, "op=remove", "application/x-www-form-urlencoded"), 415],
      ["missing name", () => call("POST", "/projects", JSON.stringify({ environment: "dev" })), 400],
      ["empty name", () => call("POST", "/projects", JSON.stringify({ name: "  ", environment: "dev" })), 400],
      ["bad environment", () => call("POST", "/projects", JSON.stringify({ name: "x", environment: "qa" })), 400],
      ["bad slug", () => call("POST", "/projects", JSON.stringify({ name: "x", environment: "dev", slug: "Not_A_Slug" })), 400],
      ["taken slug", () => call("POST", "/projects", JSON.stringify({ name: "x", environment: "dev", slug: project.slug })), 409],
      ["bad workspace id", () => call("POST", "/projects", JSON.stringify({ name: "x", environment: "dev", workspace_id: "nope" })), 400],
      ["body is an array", () => call("POST", "/projects", "[]"), 400],
      ["past expiry", () => call("POST", `/projects/${project.id}/tokens`, JSON.stringify({ name: "k", expires_at: "2001-01-01T00:00:00Z" })), 400],
      ["bad expiry", () => call("POST", `/projects/${project.id}/tokens`, JSON.stringify({ name: "k", expires_at: "tomorrow" })), 400],
      ["patch not an array", () => patch({ op: "replace", path: "/name", value: "x" }), 400],
      ["empty patch", () => patch([]), 400],
      ["unknown op", () => patch([{ op: "frobnicate", path: "/name" }]), 400],
      ["replace without value", () => patch([{ op: "replace", path: "/name" }]), 400],
      ["path not a pointer", () => patch([{ op: "replace", path: "name", value: "x" }]), 400],
      ["bad pointer escape", () => patch([{ op: "replace", path: "/services/~2", value: "x" }]), 400],
      ["immutable id", () => patch([{ op: "replace", path: "/id", value: "00000000-0000-4000-8000-000000000000" }]), 400],
      ["immutable slug", () => patch([{ op: "replace", path: "/slug", value: "mine" }]), 400],
      ["immutable workspace", () => patch([{ op: "replace", path: "/workspace_id", value: ws.workspaceId }]), 400],
      ["immutable state", () => patch([{ op: "replace", path: "/state", value: "halted" }]), 400],
      ["whole document", () => patch([{ op: "replace", path: "", value: {} }]), 400],
      ["move out of immutable", () => patch([{ op: "move", from: "/slug", path: "/name" }]), 400],
      ["unresolvable path", () => patch([{ op: "replace", path: "/services/identity/config/nope/deeper", value: 1 }]), 400],
      ["removes a service", () => patch([{ op: "remove", path: "/services/identity" }]), 400],
      ["unknown service", () => patch([{ op: "add", path: "/services/mail", value: { config: {} } }]), 400],
      ["invalid cors", () => patch([{ op: "replace", path: "/cors_public/origins", value: "https://x" }]), 400],
      ["invalid namespaces", () => patch([{ op: "add", path: "/services/permission/config/namespaces/-", value: { name: 5 } }]), 400],
      ["prototype pollution", () => patch([{ op: "add", path: "/services/identity/config/__proto__/polluted", value: true }]), 400],
      ["prototype via constructor", () => patch([{ op: "add", path: "/services/identity/config/constructor/prototype/polluted", value: true }]), 400],
      ["failed test op", () => patch([{ op: "test", path: "/name", value: "Other" }, { op: "replace", path: "/name", value: "x" }]), 409],
      ["later op fails", () => patch([{ op: "replace", path: "/name", value: "half" }, { op: "remove", path: "/services/nope" }]), 400],
      ["PUT without services", () => call("PUT", `/projects/${project.id}`, JSON.stringify({ name: "x" })), 400],
      ["bad page size", () => call("GET", "/workspaces?page_size=0"), 400],
      ["bad page token", () => call("GET", "/workspaces?page_token=garbage"), 400],
      ["unknown project id", () => call("GET", "/projects/6b0e3c3e-6b8a-4b7e-9f0e-2d2f3c1a0b9c"), 404],
      ["unknown project slug", () => call("GET", "/projects/no-such-project"), 404],
      ["unknown project patch", () => call("PATCH", "/projects/6b0e3c3e-6b8a-4b7e-9f0e-2d2f3c1a0b9c", JSON.stringify([{ op: "replace", path: "/name", value: "x" }])), 404],
      ["unknown project key", () => call("DELETE", `/projects/${project.id}/tokens/6b0e3c3e-6b8a-4b7e-9f0e-2d2f3c1a0b9c`), 404],
      ["malformed key id", () => call("DELETE", `/projects/${project.id}/tokens/not-a-uuid`), 404],
      ["unknown workspace", () => call("GET", "/workspaces/6b0e3c3e-6b8a-4b7e-9f0e-2d2f3c1a0b9c"), 404],
      ["unknown workspace key", () => call("DELETE", `/workspaces/${ws.workspaceId}/tokens/6b0e3c3e-6b8a-4b7e-9f0e-2d2f3c1a0b9c`), 404],
      ["unknown route", () => call("GET", "/nope"), 404],
      ["wrong method", () => call("POST", `/projects/${project.id}/members`, "{}"), 405],
      ["oversize body", () => call("PATCH", `/projects/${project.id}`, JSON.stringify([{ op: "replace", path: "/name", value: "x".repeat(2 * 1024 * 1024) }])), 413],
    ];
    for (const [label, send, status] of cases) {
      const response = await send();
      expect(response.status, label).toBe(status);
      expect(response.type, label).toContain("application/json");
      expect(response.json?.error?.code, label).toBe(status);
      expect(typeof response.json?.error?.message, label).toBe("string");
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });
});
