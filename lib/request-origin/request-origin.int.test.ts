import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { createFlowProject, startFlowTestEnv, type FlowTestEnv } from "@/lib/selfservice/testing/setup";
import type { TestProject } from "@/lib/testing/fixtures";

let env: FlowTestEnv;
let project: TestProject;
let own: string;

beforeAll(async () => {
  env = await startFlowTestEnv();
  project = await createFlowProject(env);
  own = new URL(env.server.url).host;
});
afterAll(async () => env?.close());

function setTrustedProxies(value: string | undefined) {
  if (value === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = value;
  resetConfig();
}
afterEach(() => setTrustedProxies(undefined));

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request (fetch cannot set Host). */
function send(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${env.server.url}${path}`, { headers: { accept: "application/json", ...headers }, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

const FORGED = { "x-forwarded-host": "evil.test:8443", "x-forwarded-proto": "javascript" };

describe("forwarded headers from a client that is not a trusted proxy", () => {
  it("never reach a flow's ui.action, the flow read back, or the discovery issuer", async () => {
    setTrustedProxies("192.0.2.0/24"); // the test client on loopback is no proxy now
    const started = await send(`/p/${project.slug}/self-service/login/browser`, FORGED);
    expect(started.status).toBe(200);
    const flow = JSON.parse(started.body) as { id: string; ui: { action: string } };
    expect(flow.ui.action).toBe(`http://${own}/p/${project.slug}/self-service/login?flow=${flow.id}`);

    const read = JSON.parse((await send(`/p/${project.slug}/self-service/login/flows?id=${flow.id}`, FORGED)).body) as { ui: { action: string } };
    expect(read.ui.action).not.toContain("evil.test");

    const discovery = JSON.parse((await send(`/p/${project.slug}/.well-known/openid-configuration`, FORGED)).body) as { issuer: string };
    expect(discovery.issuer).toBe(`http://${own}/p/${project.slug}`);
  });
});

describe("hosts", () => {
  it("an unknown Host gets a 400 in Ory's error shape on the API and a short page elsewhere, reflecting nothing", async () => {
    const api = await send(`/p/${project.slug}/self-service/login/browser`, { host: "evil.test:8443" });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ error: { id: "host_not_served", code: 400 } });
    expect(api.body).not.toContain("evil.test");
    const page = await send("/console", { host: "evil.test", accept: "text/html" });
    expect(page.status).toBe(400);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).not.toContain("evil.test");
  });

  it("a forwarded host the install does not serve is refused even from a trusted proxy", async () => {
    const answer = await send(`/p/${project.slug}/.well-known/openid-configuration`, { "x-forwarded-host": "evil.test:8443" });
    expect(answer.status).toBe(400);
  });

  it("health probes answer on any host (load balancers check an instance by its address)", async () => {
    expect((await send(`/p/${project.slug}/health/alive`, { host: "10.1.2.3:3000" })).status).toBe(200);
  });
});

describe("forwarded headers from a trusted proxy (loopback by default)", () => {
  it("are honoured: scheme and host of the hop that received the client", async () => {
    const discovery = JSON.parse((await send(`/p/${project.slug}/.well-known/openid-configuration`, { "x-forwarded-host": "localhost:8443", "x-forwarded-proto": "https" })).body) as { issuer: string };
    expect(discovery.issuer).toBe(`https://localhost:8443/p/${project.slug}`);
    const rfc7239 = JSON.parse((await send(`/p/${project.slug}/.well-known/openid-configuration`, { forwarded: 'for=198.51.100.7;proto=https;host="app.localhost"' })).body) as { issuer: string };
    expect(rfc7239.issuer).toBe(`https://app.localhost/p/${project.slug}`);
  });

  it("but a scheme other than http or https is never believed", async () => {
    const discovery = JSON.parse((await send(`/p/${project.slug}/.well-known/openid-configuration`, { "x-forwarded-proto": "javascript" })).body) as { issuer: string };
    expect(discovery.issuer).toBe(`http://${own}/p/${project.slug}`);
  });

  it("every API answer carries the security headers (the full set on redirects and HTML), HSTS only on https", async () => {
    const plain = await send(`/p/${project.slug}/health/alive`);
    expect(plain.headers).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY" });
    expect(plain.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const secure = await send(`/p/${project.slug}/health/alive`, { "x-forwarded-proto": "https" });
    expect(secure.headers["strict-transport-security"]).toBe("max-age=31536000");
    const redirect = await send(`/p/${project.slug}/self-service/login/browser`, { accept: "text/html" });
    expect(redirect.status).toBe(303);
    expect(redirect.headers).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer" });
    expect(redirect.headers["permissions-policy"]).toContain("camera=()");
  });
});
