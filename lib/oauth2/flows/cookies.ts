/** Minimal RFC 6265 cookie parsing and serialisation for the provider's own cookies. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export interface CookieOptions {
  path: string;
  maxAgeSeconds?: number;
  secure: boolean;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`, "HttpOnly", "SameSite=Lax"];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** Cookies are scoped to the project base URL, so projects on one origin never see each other's. */
export function cookieOptions(issuer: string, maxAgeSeconds?: number): CookieOptions {
  const url = new URL(issuer);
  return { path: url.pathname.replace(/\/+$/, "") || "/", maxAgeSeconds, secure: url.protocol === "https:" };
}

export const LOGIN_SESSION_COOKIE = "pc_oauth2_authn";
export const csrfCookieName = (flowId: string) => `pc_oauth2_csrf_${flowId.slice(0, 12)}`;
