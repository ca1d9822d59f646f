import { describe, expect, it } from "vitest";
import { csrfCookieName, ensureCsrfToken, hashCsrfToken, verifyCsrf } from "./csrf";

const scope = { projectId: "11111111-1111-1111-1111-111111111111", path: "/p/acme", secure: false };

describe("csrf", () => {
  it("issues a cookie once and reuses it", () => {
    const first = ensureCsrfToken(undefined, scope);
    expect(first.setCookie).toContain(`${csrfCookieName(scope.projectId)}=`);
    expect(first.setCookie).toContain("Path=/p/acme");
    expect(first.setCookie).toContain("HttpOnly");
    const again = ensureCsrfToken(`${csrfCookieName(scope.projectId)}=${first.token}`, scope);
    expect(again).toEqual({ token: first.token });
  });

  it("accepts only matching body token, cookie and flow", () => {
    const { token } = ensureCsrfToken(undefined, scope);
    const cookieHeader = `${csrfCookieName(scope.projectId)}=${token}`;
    const flowHash = hashCsrfToken(token);
    expect(() => verifyCsrf({ projectId: scope.projectId, cookieHeader, submitted: token, flowHash })).not.toThrow();
    for (const bad of [
      { cookieHeader: undefined, submitted: token, flowHash },
      { cookieHeader, submitted: undefined, flowHash },
      { cookieHeader, submitted: token.replace(/.$/, "x"), flowHash },
      { cookieHeader, submitted: token, flowHash: hashCsrfToken("other") },
      { cookieHeader: `${csrfCookieName("another-project")}=${token}`, submitted: token, flowHash },
    ]) {
      expect(() => verifyCsrf({ projectId: scope.projectId, ...bad })).toThrowError(expect.objectContaining({ id: "security_csrf_violation", status: 403 }));
    }
  });
});
