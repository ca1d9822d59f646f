import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOAuth2Harness, type OAuth2Harness } from "@/lib/oauth2/testing/harness";

/** CORS of the public self-service API from the project's `cors_public` (Kratos' serve.public.cors). */
let h: OAuth2Harness;
const APP = "https://app.example";
beforeAll(async () => {
  h = await startOAuth2Harness({ cors_public: { enabled: true, origins: [APP, "https://*.preview.example"] } });
});
afterAll(async () => h?.close());

const preflight = (slug: string, path: string, origin: string, headers = "content-type, x-session-token") =>
  fetch(`${h.server.url}/p/${slug}${path}`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": headers } });

describe("CORS on the public self-service API", () => {
  it("answers a preflight from a listed origin, with credentials allowed and only Kratos' headers", async () => {
    for (const [path, origin] of [["/self-service/login/browser", APP], ["/self-service/registration", "https://pr-7.preview.example"], ["/sessions/whoami", APP]]) {
      const response = await preflight(h.a.slug, path, origin, "content-type, x-session-token, x-evil");
      expect(response.status, path).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-credentials")).toBe("true");
      expect(response.headers.get("access-control-allow-headers")).toBe("content-type, x-session-token");
      expect(response.headers.get("vary")).toContain("Origin");
    }
  });

  it("adds the CORS headers to answers for a listed origin, and to no one else's", async () => {
    const allowed = await fetch(`${h.issuer(h.a)}/self-service/login/api`, { headers: { origin: APP, accept: "application/json" } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP);
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    for (const origin of ["https://evil.example", "https://app.example.evil", "https://a.b.preview.example.evil", "http://app.example"]) {
      const refused = await fetch(`${h.issuer(h.a)}/self-service/login/api`, { headers: { origin } });
      expect(refused.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect((await preflight(h.a.slug, "/self-service/login", origin)).headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("is per project and never covers the admin API", async () => {
    const other = await fetch(`${h.issuer(h.b)}/self-service/login/api`, { headers: { origin: APP } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect((await preflight(h.b.slug, "/self-service/login", APP)).headers.get("access-control-allow-origin")).toBeNull();
    const admin = await fetch(`${h.issuer(h.a)}/admin/identities`, { headers: { origin: APP, authorization: `Bearer ${h.a.apiKey}` } });
    expect(admin.status).toBe(200);
    expect(admin.headers.get("access-control-allow-origin")).toBeNull();
    expect((await preflight(h.a.slug, "/admin/identities", APP)).headers.get("access-control-allow-origin")).toBeNull();
  });
});
