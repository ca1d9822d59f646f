import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { nginxBinary } from "@/lib/gateway/testing/nginx";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startNginxProxy, type NginxProxy } from "@/lib/testing/nginx-proxy";

const binary = nginxBinary();
if (!binary) console.warn("\n!! NGINX IS NOT INSTALLED: the trusted-proxy test behind nginx is SKIPPED (apt-get install -y nginx-light).\n");

/** A request from a chosen loopback source address (127.0.0.2 is a client, 127.0.0.1 the proxy). */
function send(url: string, headers: Record<string, string> = {}, localAddress = "127.0.0.2"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { headers: { accept: "application/json", ...headers }, localAddress, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe.skipIf(!binary)("behind nginx on loopback (TRUSTED_PROXIES=127.0.0.1/32)", () => {
  let database: TestDatabase;
  let server: TestServer;
  let project: TestProject;
  let proxy: NginxProxy;

  beforeAll(async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1/32";
    resetConfig();
    database = await useTestDatabase();
    server = await startApiServer();
    project = await createTestProject();
    proxy = await startNginxProxy(binary!, server.url);
  }, 240_000);
  afterAll(async () => {
    delete process.env.TRUSTED_PROXIES;
    resetConfig();
    await proxy?.stop();
    await server?.close();
    await database?.drop();
  });

  const issuer = async (base: string, headers?: Record<string, string>) =>
    (JSON.parse((await send(`${base}/p/${project.slug}/.well-known/openid-configuration`, headers)).body) as { issuer: string }).issuer;

  it("honours the forwarded host and scheme nginx sets", async () => {
    expect(await issuer(proxy.url)).toBe(`https://127.0.0.1:${proxy.port}/p/${project.slug}`);
  });

  it("ignores the same headers sent by a client directly", async () => {
    const direct = await issuer(server.url, { "x-forwarded-host": `127.0.0.1:${proxy.port}`, "x-forwarded-proto": "https", forwarded: "proto=https" });
    expect(direct).toBe(`${server.url}/p/${project.slug}`);
  });

  it("refuses a host the install does not serve, whether nginx passes it on or a client sends it", async () => {
    expect((await send(`${proxy.url}/p/${project.slug}/.well-known/openid-configuration`, { host: "evil.test" })).status).toBe(400);
    expect((await send(`${server.url}/p/${project.slug}/.well-known/openid-configuration`, { host: "evil.test" })).status).toBe(400);
  });
});
