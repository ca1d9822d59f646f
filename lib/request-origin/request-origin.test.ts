import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { AppError } from "@/lib/core/errors";
import { consoleOrigin, frontHeaderValue, FRONT_HEADER, projectBaseUrl, requestOrigin, servesConsole, type ConnectionFacts } from ".";

function withEnv(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConfig();
}

const CLEAN = { BASE_DOMAIN: undefined, PUBLIC_URL: undefined, TRUSTED_PROXIES: undefined, GATEWAY_HOSTS: undefined };
afterEach(() => withEnv(CLEAN));

const LOOPBACK: ConnectionFacts = { remoteAddress: "127.0.0.1", encrypted: false };
const REMOTE: ConnectionFacts = { remoteAddress: "203.0.113.9", encrypted: false };

/** A request as server.ts sees it: its headers and the socket's facts. */
const at = (connection: ConnectionFacts | undefined, headers: Record<string, string>) => ({
  connection,
  header: (name: string) => headers[name],
});

describe("forwarded headers from a peer that is not a trusted proxy", () => {
  it("are ignored: host from Host, scheme from the connection, client = the peer", () => {
    const origin = requestOrigin(at(REMOTE, { host: "localhost:3000", "x-forwarded-host": "evil.test:8443", "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" }));
    expect(origin).toMatchObject({ scheme: "http", host: "localhost:3000", origin: "http://localhost:3000", clientIp: "203.0.113.9", served: { kind: "loopback" } });
  });

  it("cannot forge the connection facts the front passes to Next", () => {
    const forged = requestOrigin(at(undefined, { host: "localhost:3000", [FRONT_HEADER]: "guess https 127.0.0.1", "x-forwarded-host": "evil.test", "x-forwarded-for": "10.9.9.9" }));
    expect(forged).toMatchObject({ host: "localhost:3000", scheme: "http", clientIp: "" });
    const genuine = requestOrigin(at(undefined, { host: "localhost:3000", [FRONT_HEADER]: frontHeaderValue({ remoteAddress: "::ffff:127.0.0.1", encrypted: false }), "x-forwarded-for": "198.51.100.7" }));
    expect(genuine.clientIp).toBe("198.51.100.7");
  });
});

describe("forwarded headers from a trusted proxy (loopback by default)", () => {
  it("are honoured, and the scheme only when it is http or https", () => {
    const origin = requestOrigin(at(LOOPBACK, { host: "127.0.0.1:3000", "x-forwarded-host": "localhost:8443", "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" }));
    expect(origin).toMatchObject({ scheme: "https", host: "localhost:8443", clientIp: "198.51.100.7" });
    const smuggled = requestOrigin(at(LOOPBACK, { host: "localhost", "x-forwarded-proto": "javascript" }));
    expect(smuggled.scheme).toBe("http");
  });

  it("take the right-most untrusted address of the chain as the client", () => {
    withEnv({ TRUSTED_PROXIES: "127.0.0.0/8,10.0.0.0/8" });
    const chain = requestOrigin(at(LOOPBACK, { host: "localhost", "x-forwarded-for": "1.1.1.1, 198.51.100.7, 10.0.0.3" }));
    expect(chain.clientIp).toBe("198.51.100.7");
    const rfc7239 = requestOrigin(at(LOOPBACK, { host: "localhost", forwarded: 'for=1.1.1.1;proto=http, for="[2001:db8::17]:4711";proto=https;host="localhost:8443", for=10.0.0.3' }));
    expect(rfc7239).toMatchObject({ clientIp: "2001:db8::17", scheme: "https", host: "localhost:8443" });
  });

  it("still refuse a forwarded host the install does not serve", () => {
    const origin = requestOrigin(at(LOOPBACK, { host: "localhost", "x-forwarded-host": "evil.test:8443" }));
    expect(origin.served).toBeUndefined();
    expect(() => projectBaseUrl("acme", origin)).toThrow(AppError);
  });

  it("are not believed at all with TRUSTED_PROXIES empty", () => {
    withEnv({ TRUSTED_PROXIES: "" });
    expect(requestOrigin(at(LOOPBACK, { host: "localhost", "x-forwarded-for": "198.51.100.7" })).clientIp).toBe("127.0.0.1");
  });
});

describe("served hosts", () => {
  it("without PUBLIC_URL/BASE_DOMAIN: loopback names and addresses only (and the set-up host)", () => {
    for (const host of ["localhost:3000", "app.localhost", "127.0.0.1:3000", "127.1.2.3", "[::1]:3000"]) {
      expect(requestOrigin(at(REMOTE, { host })).served, host).toBeDefined();
    }
    for (const host of ["evil.test", "localhost.evil.test", "10.0.0.1:3000", "in valid", ""]) {
      expect(requestOrigin(at(REMOTE, { host })).served, host).toBeUndefined();
    }
  });

  it("with PUBLIC_URL and BASE_DOMAIN: their hosts and the project subdomains; GATEWAY_HOSTS always", () => {
    withEnv({ PUBLIC_URL: "https://id.example.test", BASE_DOMAIN: "example.test", GATEWAY_HOSTS: "app.shop.test=acme" });
    expect(requestOrigin(at(REMOTE, { host: "id.example.test" })).served).toEqual({ kind: "public" });
    expect(requestOrigin(at(REMOTE, { host: "example.test" })).served).toEqual({ kind: "base-domain" });
    expect(requestOrigin(at(REMOTE, { host: "acme.example.test:3000" })).served).toEqual({ kind: "project", slug: "acme" });
    expect(requestOrigin(at(REMOTE, { host: "app.shop.test" })).served).toEqual({ kind: "gateway", slug: "acme" });
    expect(requestOrigin(at(REMOTE, { host: "a.b.example.test" })).served).toBeUndefined();
    expect(requestOrigin(at(REMOTE, { host: "localhost:3000" })).served).toBeUndefined();
  });
});

describe("URLs built on the origin", () => {
  it("project base URL: the project's own host, else PUBLIC_URL, else the request's origin", () => {
    expect(projectBaseUrl("acme", requestOrigin(at(REMOTE, { host: "localhost:3000" })))).toBe("http://localhost:3000/p/acme");
    withEnv({ PUBLIC_URL: "https://id.example.test/", BASE_DOMAIN: "example.test" });
    expect(projectBaseUrl("acme", requestOrigin(at(REMOTE, { host: "acme.example.test" })))).toBe("https://acme.example.test");
    expect(projectBaseUrl("other", requestOrigin(at(REMOTE, { host: "acme.example.test" })))).toBe("https://id.example.test/p/other");
    expect(projectBaseUrl("acme", requestOrigin(at(REMOTE, { host: "id.example.test" })))).toBe("https://id.example.test/p/acme");
  });

  it("console origin: PUBLIC_URL, else BASE_DOMAIN from a project host (port kept), else the request's origin", () => {
    expect(consoleOrigin(requestOrigin(at(REMOTE, { host: "localhost:3000" })))).toBe("http://localhost:3000");
    withEnv({ BASE_DOMAIN: "example.test" });
    const onProject = requestOrigin(at(REMOTE, { host: "console.example.test:3000" }));
    expect([consoleOrigin(onProject), servesConsole(onProject)]).toEqual(["http://example.test:3000", false]);
    withEnv({ BASE_DOMAIN: "example.test", PUBLIC_URL: "https://id.example.test/" });
    expect(consoleOrigin(requestOrigin(at(REMOTE, { host: "console.example.test:3000" })))).toBe("https://id.example.test");
  });
});
