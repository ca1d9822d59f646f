import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/core/errors";
import { randomToken } from "@/lib/core/ids";
import { parseCookies, serializeCookie } from "./cookies";

/**
 * Anti-CSRF for browser flows, Kratos-style double submit: a random token lives in an HttpOnly, SameSite=Lax cookie
 * scoped to the project (`csrf_token_<project hash>`) and in the flow's hidden `csrf_token` node; the flow stores the
 * token's SHA-256. A submission must carry the token (body `csrf_token` or `X-CSRF-Token`) equal to the cookie and
 * to the flow's. API flows are never checked (they carry no cookies).
 */
export const csrfCookieName = (projectId: string) => `csrf_token_${createHash("sha256").update(projectId).digest("hex").slice(0, 12)}`;

export const hashCsrfToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface CsrfCookieScope {
  projectId: string;
  path: string;
  secure: boolean;
}

/** The token of the browser's existing cookie, or a new one together with its Set-Cookie header. */
export function ensureCsrfToken(cookieHeader: string | undefined, scope: CsrfCookieScope): { token: string; setCookie?: string } {
  const name = csrfCookieName(scope.projectId);
  const existing = parseCookies(cookieHeader).get(name);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return { token: existing };
  const token = randomToken(32);
  // Session-lifetime-like: a year, as Kratos' CSRF cookie; it is only useful together with a live flow.
  return { token, setCookie: serializeCookie(name, token, { path: scope.path, secure: scope.secure, maxAgeSeconds: 365 * 86_400 }) };
}

const equal = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export function csrfViolation(hint: string): AppError {
  return new AppError("forbidden", "the request was rejected to protect you from Cross-Site-Request-Forgery", {
    id: "security_csrf_violation",
    reason:
      "Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues.",
    details: { hint },
  });
}

/** Throws Kratos' `security_csrf_violation` (403) unless body/header token, cookie and flow agree. */
export function verifyCsrf(input: { projectId: string; cookieHeader?: string; submitted?: string; flowHash: string }): void {
  const cookie = parseCookies(input.cookieHeader).get(csrfCookieName(input.projectId));
  if (!cookie) throw csrfViolation("No CSRF cookie was sent with the request; the cookie may have been blocked or deleted.");
  if (!input.submitted) {
    throw csrfViolation("The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).");
  }
  if (!equal(input.submitted, cookie)) throw csrfViolation("The HTTP Cookie Header was set and a CSRF token was sent but they do not match.");
  if (!input.flowHash || !equal(hashCsrfToken(cookie), input.flowHash)) {
    throw csrfViolation("The CSRF token does not belong to this flow; the flow was started in another browser or the cookie was replaced.");
  }
}
