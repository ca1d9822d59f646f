import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOAuth2Harness, type OAuth2Harness } from "@/lib/oauth2/testing/harness";

/** CORS of the public OAuth2 endpoints from clients' `allowed_cors_origins` (Hydra's rule), per project. */
let h: OAuth2Harness;
let client: { client_id: string; client_secret: string };
const SPA = "https://spa.example";
beforeAll(async () => {
  h = await startOAuth2Harness();
  const created = await h.admin(h.a, "POST", "/admin/clients", { grant_types: ["client_credentials"], scope: "read", allowed_cors_origins: [SPA, "http://localhost:5173"] });
  client = await created.json();
});
afterAll(async () => h?.close());

const preflight = (slug: string, path: string, origin: string, method = "POST", headers = "authorization, content-type") =>
  fetch(`${h.server.url}/p/${slug}${path}`, { method: "OPTIONS", headers: { origin, "access-control-request-method": method, "access-control-request-headers": headers } });
const token = (origin: string, secret = client.client_secret) =>
  fetch(`${h.issuer(h.a)}/oauth2/token`, {
    method: "POST",
    headers: { origin, "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${client.client_id}:${secret}`).toString("base64")}` },
    body: "grant_type=client_credentials&scope=read",
  });

describe("CORS on the public OAuth2 endpoints", () => {
  it("answers a preflight from a client's origin with the allowed methods and headers", async () => {
    for (const path of ["/oauth2/token", "/oauth2/revoke", "/oauth2/device/auth"]) {
      const response = await preflight(h.a.slug, path, SPA);
      expect(response.status, path).toBe(204);
      expect(response.headers.get("access-control-allow-origin"), path).toBe(SPA);
      expect(response.headers.get("access-control-allow-methods")).toBe("POST");
      expect(response.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("vary")).toContain("Origin");
    }
    const userinfo = await preflight(h.a.slug, "/userinfo", "http://localhost:5173", "GET", "authorization");
    expect(userinfo.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(userinfo.headers.get("access-control-allow-methods")).toBe("GET, POST");
  });

  it("gives other origins, other methods and unexpected headers no Access-Control-Allow-Origin", async () => {
    for (const response of [
      await preflight(h.a.slug, "/oauth2/token", "https://evil.example"),
      await preflight(h.a.slug, "/oauth2/token", "https://spa.example.evil.example"),
      await preflight(h.a.slug, "/oauth2/token", `${SPA}:444`),
      await preflight(h.a.slug, "/oauth2/token", SPA, "DELETE"),
      await preflight(h.a.slug, "/oauth2/token", SPA, "POST", "x-custom"),
    ]) {
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("vary")).toContain("Origin");
    }
  });

  it("never opens project B's endpoints to project A's client origins (tenant isolation)", async () => {
    const response = await preflight(h.b.slug, "/oauth2/token", SPA);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const actual = await fetch(`${h.issuer(h.b)}/oauth2/token`, { method: "POST", headers: { origin: SPA, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    expect(actual.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("adds the origin to actual responses, errors included, and Vary: Origin for every origin", async () => {
    const ok = await token(SPA);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(SPA);
    expect(ok.headers.get("access-control-expose-headers")).toBe("WWW-Authenticate");
    expect(ok.headers.get("vary")).toBe("Origin");
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const refused = await token(SPA, "wrong secret");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe(SPA);
    const other = await token("https://evil.example");
    expect(other.status).toBe(200);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("vary")).toBe("Origin");
    const serverToServer = await fetch(`${h.issuer(h.a)}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    expect(serverToServer.headers.get("access-control-allow-origin")).toBeNull();
    expect(serverToServer.headers.get("vary")).toBeNull();
  });

  it("follows client changes at once: a removed origin is no longer allowed, a new client's origin is", async () => {
    const patched = await h.admin(h.a, "PATCH", `/admin/clients/${client.client_id}`, [{ op: "replace", path: "/allowed_cors_origins", value: ["http://localhost:5173"] }]);
    expect(patched.status).toBe(200);
    expect((await preflight(h.a.slug, "/oauth2/token", SPA)).headers.get("access-control-allow-origin")).toBeNull();
    await h.admin(h.a, "POST", "/admin/clients", { token_endpoint_auth_method: "none", redirect_uris: ["https://other.example/cb"], allowed_cors_origins: ["https://other.example"] });
    expect((await preflight(h.a.slug, "/oauth2/token", "https://other.example")).headers.get("access-control-allow-origin")).toBe("https://other.example");
  });

  it("refuses origins that are not scheme://host[:port] when a client is saved", async () => {
    for (const origin of ["https://spa.example/", "https://*.example.com", "spa.example", "https://spa.example/app"]) {
      const response = await h.admin(h.a, "POST", "/admin/clients", { grant_types: ["client_credentials"], allowed_cors_origins: [origin] });
      expect(response.status, origin).toBe(400);
      expect((await response.json()).error.reason, origin).toContain("allowed_cors_origins");
    }
  });

  it("lets any origin read the discovery document and JWKS, and preflights them", async () => {
    const response = await fetch(`${h.issuer(h.a)}/.well-known/openid-configuration`, { headers: { origin: "https://anyone.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const options = await preflight(h.a.slug, "/.well-known/jwks.json", "https://anyone.example", "GET", "");
    expect(options.status).toBe(204);
    expect(options.headers.get("access-control-allow-origin")).toBe("*");
  });
});
