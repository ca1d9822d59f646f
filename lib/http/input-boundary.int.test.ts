import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProjectConfig } from "@/lib/projects";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { nested } from "./testing/hostile";

/**
 * Issue 12 §4: the inputs that answered 500 (NUL, lone surrogates, non-UUID ids, deep JSON, a JSON Patch `move`
 * into its own child, URLs over Node's header limit), each now a 4xx in its API family's error shape.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted with toMatchObject
type Json = Record<string, any>;

let database: TestDatabase;
let server: TestServer;
let project: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  project = await createTestProject(defaultProjectConfig() as unknown as Record<string, unknown>);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const base = () => `${server.url}/p/${project.slug}`;

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body);
  const response = await fetch(url, { method, headers: { accept: "application/json", ...(text !== undefined ? { "content-type": "application/json" } : {}), ...headers }, body: text });
  const raw = await response.text();
  return { status: response.status, body: raw ? (JSON.parse(raw) as Json) : undefined };
}
const asAdmin = (method: string, path: string, body?: unknown) => call(method, base() + path, body, { authorization: `Bearer ${project.apiKey}` });
const asConsole = (method: string, path: string, body?: unknown) => call(method, `${server.url}/api/console${path}`, body, { authorization: `Bearer ${project.workspaceKey}` });

/** Ory's `{error: {code, message}}` with the given status. */
function expectOryError(result: { status: number; body?: Json }, status = 400) {
  expect(result.status).toBe(status);
  expect(result.body?.error).toMatchObject({ code: status, message: expect.any(String) });
}

async function loginFlow(): Promise<string> {
  return (await call("GET", `${base()}/self-service/login/api`)).body!.id as string;
}

/** The messages of a flow's node (Kratos' flow JSON). */
const nodeMessages = (flow: Json | undefined, name: string) =>
  ((flow?.ui?.nodes ?? []) as Json[]).find((n) => n.attributes?.name === name)?.messages.map((m: Json) => m.id) ?? [];

describe("strings PostgreSQL cannot store", () => {
  it.each([["NUL", "ada\u0000@example.com"], ["a lone surrogate", "ada\ud800@example.com"]])("answers %s in an unauthenticated login identifier with a field error", async (_label, identifier) => {
    const result = await call("POST", `${base()}/self-service/login?flow=${await loginFlow()}`, { method: "password", identifier, password: "whatever it is 1" });
    expect(result.status).toBe(400);
    expect(nodeMessages(result.body, "identifier")).toEqual([4000004]);
    // Registration traits too: the message sits on the trait's field.
    const registration = (await call("GET", `${base()}/self-service/registration/api`)).body!.id as string;
    const registered = await call("POST", `${base()}/self-service/registration?flow=${registration}`, { method: "password", password: "correct horse battery 42", traits: { email: identifier } });
    expect(registered.status).toBe(400);
    expect(nodeMessages(registered.body, "traits.email")).toEqual([4000004]);
  });

  it("sends the browser back to the hosted login form with the message (a form post with NUL)", async () => {
    const start = await fetch(`${base()}/self-service/login/browser`, { redirect: "manual" });
    const cookie = start.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const flowId = new URL(start.headers.get("location")!, server.url).searchParams.get("flow")!;
    const flow = (await call("GET", `${base()}/self-service/login/flows?id=${flowId}`, undefined, { cookie })).body!;
    const csrf = ((flow.ui.nodes as Json[]).find((n) => n.attributes.name === "csrf_token")!.attributes.value) as string;
    const posted = await fetch(`${base()}/self-service/login?flow=${flowId}`, {
      method: "POST", redirect: "manual", headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: `csrf_token=${encodeURIComponent(csrf)}&method=password&identifier=ada%00%40example.com&password=whatever`,
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toContain(`/ui/login?flow=${flowId}`);
    const after = (await call("GET", `${base()}/self-service/login/flows?id=${flowId}`, undefined, { cookie })).body;
    expect(nodeMessages(after, "identifier")).toEqual([4000004]);
  });

  it("refuses an encoded NUL in the path: GET /p/%00/health/alive", async () => {
    expectOryError(await call("GET", `${server.url}/p/%00/health/alive`));
  });

  it("refuses NUL in relation tuple fields, client names, rule ids", async () => {
    expectOryError(await asAdmin("PUT", "/admin/relation-tuples", { namespace: "Doc", object: "a\u0000", relation: "viewer", subject_id: "u" }));
    expectOryError(await asAdmin("POST", "/admin/clients", { client_name: "shop\u0000" }));
    expectOryError(await asAdmin("POST", "/admin/rules", { id: "r\u0000", match: { url: "https://app.example/<**>", methods: ["GET"] }, authenticators: [{ handler: "anonymous" }], authorizer: { handler: "allow" }, mutators: [{ handler: "noop" }] }));
  });

  it("refuses NUL in filters, courier recipients, consent subjects and login challenges", async () => {
    expectOryError(await asAdmin("GET", "/admin/identities?credentials_identifier=a%00b"));
    expectOryError(await asAdmin("GET", "/admin/clients?client_name=a%00b"));
    expectOryError(await asAdmin("GET", "/admin/courier/messages?recipient=a%00b"));
    expectOryError(await asAdmin("GET", "/admin/oauth2/auth/sessions/consent?subject=a%00b"));
    expectOryError(await asAdmin("GET", "/admin/oauth2/auth/requests/login?login_challenge=a%00b"));
  });

  it.each([["NUL", "Shop\u0000"], ["a lone surrogate", "Shop\ud800"]])("refuses %s in a project name (console API)", async (_label, name) => {
    expectOryError(await asConsole("POST", "/projects", { name, environment: "dev", workspace_id: project.workspaceId }));
    expectOryError(await asConsole("PATCH", `/projects/${project.projectId}`, [{ op: "replace", path: "/name", value: name }]));
  });

  it("answers OAuth2 protocol endpoints in RFC 6749's shape", async () => {
    const result = await call("POST", `${base()}/oauth2/token`, "grant_type=client_credentials&client_id=a%00b", { "content-type": "application/x-www-form-urlencoded" });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "invalid_request", error_description: expect.any(String) });
    const query = await call("GET", `${base()}/oauth2/auth?client_id=a%00b&response_type=code`);
    expect(query.body).toMatchObject({ error: "invalid_request" });
  });
});

describe("ids, nesting and patches", () => {
  it("refuses a non-UUID organization_id on GET /admin/identities", async () => {
    expectOryError(await asAdmin("GET", "/admin/identities?organization_id=not-a-uuid"));
  });

  it("refuses JSON nested 5,000 and 10,000 deep (identity metadata, console PATCH)", async () => {
    for (const depth of [5_000, 10_000]) {
      const identity = `{"schema_id":"preset://email","traits":{"email":"deep${depth}@example.com"},"metadata_public":${nested(depth)}}`;
      expectOryError(await asAdmin("POST", "/admin/identities", identity));
      const patch = `[{"op":"add","path":"/services/identity/config/deep","value":${nested(depth)}}]`;
      expectOryError(await asConsole("PATCH", `/projects/${project.projectId}`, patch));
    }
  });

  it("refuses a JSON Patch move into the moved member's own child (RFC 6902 §4.4)", async () => {
    expectOryError(await asConsole("PATCH", `/projects/${project.projectId}`, [{ op: "move", from: "/services/identity/config/selfservice", path: "/services/identity/config/selfservice/child" }]));
    const identity = await asAdmin("POST", "/admin/identities", { schema_id: "preset://email", traits: { email: "move@example.com" }, metadata_public: { a: { b: 1 } } });
    expect(identity.status).toBe(201);
    expectOryError(await asAdmin("PATCH", `/admin/identities/${identity.body!.id}`, [{ op: "move", from: "/metadata_public", path: "/metadata_public/a/c" }]));
  });
});

describe("requests Node's parser refuses", () => {
  /** A raw HTTP/1.1 exchange: fetch cannot send a request line this long and read the refusal. */
  function raw(request: string): Promise<string> {
    const { port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => socket.end(request));
      let answer = "";
      socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
      socket.on("close", () => resolve(answer));
      socket.on("error", reject);
    });
  }

  it("answers a URL over 16 KiB with 431 and an error body in the family's shape", async () => {
    const ory = await raw(`GET /p/${project.slug}/admin/identities?q=${"x".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(ory).toMatch(/^HTTP\/1\.1 431 /);
    const oryBody = JSON.parse(ory.slice(ory.indexOf("\r\n\r\n") + 4));
    expect(oryBody.error).toMatchObject({ code: 431, message: expect.any(String) });
    const oauth2 = await raw(`GET /p/${project.slug}/oauth2/auth?state=${"x".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(JSON.parse(oauth2.slice(oauth2.indexOf("\r\n\r\n") + 4))).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
  });
});
