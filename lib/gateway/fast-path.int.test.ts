import http from "node:http";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { rule, signedInIdentity } from "./testing/fixtures";
import { startEchoUpstream, type EchoUpstream } from "./testing/upstream";

let database: TestDatabase;
let server: TestServer;
let upstream: EchoUpstream;
let project: TestProject;
let token: string;
let identityId: string;

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }

/** node:http, because fetch may not set Host; `body` may be an async iterable (streamed, chunked). */
function send(path: string, options: { host?: string; method?: string; headers?: Record<string, string>; body?: AsyncIterable<Buffer> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${path}`, { method: options.method ?? "GET", headers: { ...(options.host ? { host: options.host } : {}), ...options.headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    if (!options.body) return void request.end();
    void (async () => {
      for await (const chunk of options.body!) request.write(chunk);
      request.end();
    })();
  });
}

beforeAll(async () => {
  database = await useTestDatabase();
  upstream = await startEchoUpstream();
  project = await createTestProject();
  process.env.GATEWAY_HOSTS = `app.fast.test=${project.slug}`;
  resetConfig();
  server = await startApiServer();
  ({ token, identityId } = await signedInIdentity(project.slug, "fast@example.com"));
  const create = (body: Record<string, unknown>) =>
    fetch(`${server.url}/p/${project.slug}/admin/rules`, { method: "POST", headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  expect((await create(rule("api", "<https?>://<[^/]+>/api/<.*>", { upstream: { url: `${upstream.url}/base`, strip_path: "/api" } }))).status).toBe(201);
  expect((await create(rule("kept-host", "http://app.fast.test/host/<.*>", { upstream: { url: upstream.url, preserve_host: true } }))).status).toBe(201);
  expect((await create(rule("down", "http://app.fast.test/down/<.*>", { upstream: { url: "http://127.0.0.1:9" } }))).status).toBe(201);
}, 240_000);
afterAll(async () => {
  delete process.env.GATEWAY_HOSTS;
  resetConfig();
  await server?.close();
  await upstream?.close();
  await database?.drop();
});

const auth = () => ({ authorization: `Bearer ${token}` });

describe("server.ts fast path: hosts mapped to a project's gateway", () => {
  it("authenticates, mutates and forwards to the upstream, streaming the answer back", async () => {
    const answer = await send("/api/orders?page=2", { host: "app.fast.test", headers: { ...auth(), connection: "keep-alive, x-drop-me", "x-drop-me": "1" } });
    expect(answer.status).toBe(200);
    const received = JSON.parse(answer.body) as EchoUpstream["received"][number];
    expect(received.url).toBe("/base/orders?page=2");
    expect(received.headers["x-user-id"]).toBe(identityId);
    expect(received.headers["x-forwarded-host"]).toBe("app.fast.test");
    expect(received.headers.host).toBe(new URL(upstream.url).host);
    expect(received.headers["x-drop-me"]).toBeUndefined(); // named by Connection: hop-by-hop
    expect(answer.headers["set-cookie"]).toEqual(["upstream=1; Path=/"]); // the upstream owns its host
    expect(answer.headers["content-security-policy"]).toBeUndefined();
  });

  it("streams a POST body larger than the machine API's body limit to the upstream, unchanged", async () => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    const chunks = 40; // 2.5 MiB, sent chunked
    async function* body() { for (let i = 0; i < chunks; i++) yield chunk; }
    const answer = await send("/api/upload", { host: "app.fast.test", method: "POST", headers: { ...auth(), "content-type": "text/plain" }, body: body() });
    expect(answer.status).toBe(200);
    const received = JSON.parse(answer.body) as EchoUpstream["received"][number];
    expect(received.method).toBe("POST");
    expect(received.body.length).toBe(chunk.length * chunks);
    expect(createHash("sha256").update(received.body).digest("hex")).toBe(createHash("sha256").update(Buffer.concat(Array(chunks).fill(chunk))).digest("hex"));
  });

  it("answers an anonymous request itself, without reaching the upstream", async () => {
    const before = upstream.received.length;
    const answer = await send("/api/orders", { host: "app.fast.test", method: "POST", headers: { accept: "application/json" }, body: (async function* () { yield Buffer.from("ignored"); })() });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error.code).toBe(401);
    expect(upstream.received.length).toBe(before);
  });

  it("honours preserve_host, and answers 502 when the upstream is down", async () => {
    const kept = JSON.parse((await send("/host/x", { host: "app.fast.test", headers: auth() })).body) as EchoUpstream["received"][number];
    expect(kept.headers.host).toBe("app.fast.test");
    const down = await send("/down/x", { host: "app.fast.test", headers: auth() });
    expect(down.status).toBe(502);
  });

  it("serves the path mapping too: sandboxed, and the upstream cannot set cookies on Portcullis' origin", async () => {
    const answer = await send(`/p/${project.slug}/gateway/api/orders`, { headers: auth() });
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { url: string }).url).toBe("/base/orders");
    expect(answer.headers["content-security-policy"]).toMatch(/^sandbox /);
    expect(answer.headers["set-cookie"]).toBeUndefined();
  });

  it("serves many concurrent requests over pooled upstream connections", async () => {
    const answers = await Promise.all(Array.from({ length: 64 }, (_, i) => send(`/api/c/${i}`, { host: "app.fast.test", headers: auth() })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 200), JSON.stringify(answers.find((a) => a.status !== 200)?.body)).toEqual([]);
  });

  it("leaves other hosts to the machine API", async () => {
    expect((await send(`/p/${project.slug}/health/alive`)).status).toBe(200);
  });
});
