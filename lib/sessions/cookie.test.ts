import { describe, expect, it } from "vitest";
import { clearSessionCookie, readCookie, sessionCookie, sessionCookiePath } from "./cookie";
import { defaultCookieName, sessionSettings } from "./config";

const project = (identity: Record<string, unknown> = {}) => ({ slug: "acme-prod", config: { services: { identity: { config: identity } } } });
/** A request from a trusted proxy on loopback (its X-Forwarded-Proto counts). */
const request = (headers: Record<string, string>) => ({ connection: { remoteAddress: "127.0.0.1", encrypted: false }, header: (name: string) => ({ host: "localhost", ...headers })[name] });

describe("session cookie", () => {
  it("is named per project and scoped to its base path", () => {
    expect(defaultCookieName("acme-prod")).toBe("ory_session_acme_prod");
    expect(sessionCookiePath(project(), request({ host: "id.example.com" }))).toBe("/p/acme-prod");
    const cookie = sessionCookie(project(), "ory_st_abc", new Date("2030-01-01T00:00:00Z"), request({}), new Date("2029-12-31T23:00:00Z"));
    expect(cookie).toBe("ory_session_acme_prod=ory_st_abc; Path=/p/acme-prod; HttpOnly; SameSite=Lax; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Max-Age=3600");
  });

  it("honours session.cookie settings: name, same_site, persistence, path, domain", () => {
    const configured = project({ session: { cookie: { name: "sid", same_site: "Strict", persistent: false, path: "/", domain: "example.com" } } });
    const cookie = sessionCookie(configured, "ory_st_abc", new Date(), request({ "x-forwarded-proto": "https" }));
    expect(cookie).toBe("sid=ory_st_abc; Path=/; Domain=example.com; HttpOnly; SameSite=Strict; Secure");
    expect(clearSessionCookie(configured)).toContain("sid=; Path=/; Domain=example.com");
    expect(clearSessionCookie(configured)).toContain("Max-Age=0");
  });

  it("reads one cookie out of a Cookie header", () => {
    expect(readCookie("a=1; ory_session_acme_prod=ory_st_x; b=2", "ory_session_acme_prod")).toBe("ory_st_x");
    expect(readCookie("a=1", "ory_session_acme_prod")).toBeUndefined();
    expect(readCookie(undefined, "x")).toBeUndefined();
  });

  it("reads lifespans with Kratos' defaults", () => {
    expect(sessionSettings(project()).lifespanMs).toBe(86_400_000);
    expect(sessionSettings(project()).privilegedMaxAgeMs).toBe(900_000);
    expect(sessionSettings(project({ session: { lifespan: "72h", earliest_possible_extend: "24h" } }))).toMatchObject({ lifespanMs: 259_200_000, earliestPossibleExtendMs: 86_400_000 });
  });
});
