import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { rule } from "./testing/fixtures";

let database: TestDatabase;
let server: TestServer;
let a: TestProject;
let dir: string;
const pem: Record<string, string> = {};

/** Certificates made in the test with Debian's openssl: two CAs, a client of each, an expired client. */
function makeCertificates(): void {
  dir = mkdtempSync(path.join(os.tmpdir(), "mtls-"));
  const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
  for (const ca of ["ca1", "ca2"]) ssl("req", "-x509", ...ec, "-keyout", `${ca}.key`, "-out", `${ca}.pem`, "-subj", `/CN=${ca}`, "-days", "2");
  const leaf = (name: string, ca: string, days: string) => {
    ssl("req", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/O=Acme/CN=${name}`);
    ssl("x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.pem`, "-CAkey", `${ca}.key`, "-set_serial", String(Date.now()), "-days", days, "-out", `${name}.pem`);
  };
  leaf("client-1", "ca1", "1");
  leaf("stranger", "ca2", "1");
  leaf("expired", "ca1", "-1");
  for (const name of ["ca1", "ca2", "client-1", "stranger", "expired"]) pem[name] = readFileSync(path.join(dir, `${name}.pem`), "utf8");
}

beforeAll(async () => {
  makeCertificates();
  database = await useTestDatabase();
  server = await startApiServer();
  a = await createTestProject();
  const response = await fetch(`${server.url}/p/${a.slug}/admin/rules`, {
    method: "POST", headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(rule("mtls", "https://secure.example.com/<.*>", {
      authenticators: [{ handler: "mtls", config: { ca_bundle: pem.ca1 } }],
      mutators: [{ handler: "header", config: { headers: { "X-Client": "{{ print .Subject }}", "X-Serial": "{{ print .Extra.certificate.serial_number }}" } } }],
    })),
  });
  expect(response.status).toBe(201);
  const any = await fetch(`${server.url}/p/${a.slug}/admin/rules`, {
    method: "POST", headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(rule("mtls-any-host", "<https?>://<[^/]+>/any/<.*>", { authenticators: [{ handler: "mtls", config: { ca_bundle: pem.ca1 } }] })),
  });
  expect(any.status).toBe(201);
}, 240_000);
afterAll(async () => {
  delete process.env.TRUSTED_PROXIES;
  resetConfig();
  await server?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const decide = (cert?: string) => fetch(`${server.url}/p/${a.slug}/decisions/orders`, {
  headers: { "x-forwarded-host": "secure.example.com", "x-forwarded-proto": "https", ...(cert ? { "x-ssl-client-cert": encodeURIComponent(cert) } : {}) },
});

describe("gateway mtls authenticator (certificates forwarded by a trusted proxy)", () => {
  it("accepts a client certificate of the rule's CA, as nginx forwards it ($ssl_client_escaped_cert)", async () => {
    const response = await decide(pem["client-1"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-client")).toBe("client-1");
    expect(response.headers.get("x-serial")).toMatch(/^[0-9A-F]+$/);
  });

  it("refuses certificates of another CA, expired ones, garbage and none", async () => {
    expect((await decide(pem.stranger)).status).toBe(401);
    expect((await decide(pem.expired)).status).toBe(401);
    expect((await decide("not a certificate")).status).toBe(401);
    expect((await decide()).status).toBe(401);
  });

  it("refuses the certificate header from an address that is not a trusted proxy", async () => {
    process.env.TRUSTED_PROXIES = "192.0.2.1";
    resetConfig();
    // The rule matches whatever host the request names, so only the header's origin decides.
    const direct = () => fetch(`${server.url}/p/${a.slug}/decisions/any/x`, { headers: { "x-ssl-client-cert": encodeURIComponent(pem["client-1"]!) } });
    try {
      const refused = await direct();
      expect(refused.status).toBe(401);
      expect((await decide(pem["client-1"])).status).toBe(403); // forwarded host not believed either: no rule matches
    } finally {
      delete process.env.TRUSTED_PROXIES;
      resetConfig();
    }
    expect((await direct()).status).toBe(200);
    expect((await decide(pem["client-1"])).status).toBe(200);
  });

  it("refuses a rule whose CA bundle is not a CA certificate", async () => {
    const response = await fetch(`${server.url}/p/${a.slug}/admin/rules`, {
      method: "POST", headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(rule("bad", "https://bad.example.com/<.*>", { authenticators: [{ handler: "mtls", config: { ca_bundle: pem["client-1"] } }] })),
    });
    expect(response.status).toBe(400);
  });
});
