import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { projectDb } from "@/lib/db";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { REDACTED } from "./rules/secrets";
import { rule, signedInIdentity } from "./testing/fixtures";

const PASSWORD = "hydrator-pa55word-Zq9";
const BEARER = "remote-json-t0ken-Xy7";

let database: TestDatabase;
let server: TestServer;
let remote: http.Server;
let remoteUrl: string;
let project: TestProject;
let token: string;

beforeAll(async () => {
  process.env.GATEWAY_OUTBOUND_ALLOW = "127.0.0.0/8";
  resetConfig();
  database = await useTestDatabase();
  server = await startApiServer();
  // The hydrator and the remote authorizer: they answer only with the credentials the rule holds.
  remote = http.createServer((req, res) => {
    req.resume();
    const basic = `Basic ${Buffer.from(`svc:${PASSWORD}`).toString("base64")}`;
    if (req.url === "/hydrate" && req.headers.authorization === basic) {
      res.writeHead(200, { "content-type": "application/json" });
      return void req.on("end", () => res.end(JSON.stringify({ extra: { plan: "gold" } })));
    }
    res.writeHead(req.url === "/allow" && req.headers.authorization === `Bearer ${BEARER}` ? 200 : 403);
    res.end();
  });
  await new Promise<void>((resolve) => remote.listen(0, "127.0.0.1", resolve));
  remoteUrl = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  project = await createTestProject();
  ({ token } = await signedInIdentity(project.slug, "secrets@example.com"));
}, 240_000);
afterAll(async () => {
  delete process.env.GATEWAY_OUTBOUND_ALLOW;
  resetConfig();
  remote?.close();
  await server?.close();
  await database?.drop();
});

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/p/${project.slug}${path}`, {
    method,
    headers: { authorization: `Bearer ${project.apiKey}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const decide = (path: string) =>
  fetch(`${server.url}/p/${project.slug}/decisions${path}`, { headers: { authorization: `Bearer ${token}`, "x-forwarded-host": "app.example.com" } });

const secretRule = () =>
  rule("secret", "http://app.example.com/s/<.*>", {
    authorizer: { handler: "remote_json", config: { remote: `${remoteUrl}/allow`, payload: "{}", headers: { Authorization: `Bearer ${BEARER}` } } },
    mutators: [
      { handler: "hydrator", config: { api: { url: `${remoteUrl}/hydrate`, auth: { basic: { username: "svc", password: PASSWORD } } } } },
      { handler: "header", config: { headers: { "X-Plan": "{{ print .Extra.plan }}" } } },
    ],
  });

describe("secrets in handler configs", () => {
  it("are encrypted at rest, never returned, and still used by the rule", async () => {
    const created = await admin("POST", "/admin/rules", secretRule());
    expect(created.status).toBe(201);
    const shown = JSON.stringify(await created.json());
    for (const body of [shown, await (await admin("GET", "/admin/rules/secret")).text(), await (await admin("GET", "/rules")).text()]) {
      expect(body).not.toContain(PASSWORD);
      expect(body).not.toContain(BEARER);
      expect(body).toContain(REDACTED);
    }
    const row = await (await projectDb(project.projectId)).gatewayRule.findFirst({ where: { id: "secret" } });
    const stored = JSON.stringify(row?.definition);
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(BEARER);
    expect(stored).toContain("sealed:v1.");

    const answer = await decide("/s/x");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-plan")).toBe("gold");
  });

  it("are kept when a rule read from the API is written back with the redacted values", async () => {
    const current = (await (await admin("GET", "/admin/rules/secret")).json()) as Record<string, unknown>;
    const replaced = await admin("PUT", "/admin/rules/secret", { ...current, description: "edited" });
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).description).toBe("edited");
    const answer = await decide("/s/y");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-plan")).toBe("gold");
  });

  it("refuses the redacted placeholder where no secret is stored", async () => {
    const body = secretRule();
    const response = await admin("POST", "/admin/rules", {
      ...body,
      id: "fresh",
      authorizer: { handler: "remote_json", config: { remote: `${remoteUrl}/allow`, payload: "{}", headers: { Authorization: REDACTED } } },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("authorizer.config.headers.Authorization");
  });

  it("of the default rule are redacted in the gateway settings", async () => {
    const { id: _id, match: _match, ...pipeline } = secretRule();
    const put = await admin("PUT", "/admin/gateway/settings", { default_rule: pipeline });
    expect(put.status).toBe(200);
    const text = await (await admin("GET", "/admin/gateway/settings")).text();
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain(REDACTED);
    const answer = await decide("/unmatched");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-plan")).toBe("gold");
  });
});
