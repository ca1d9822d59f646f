import { isSecureOrigin, originOf, type OriginSource } from "@/lib/request-origin";
import { sessionSettings } from "./config";

type CookieProject = { config: unknown; slug: string };
/** The request the cookie answers; without one (background work) the install's own origin decides. */
type CookieRequest = OriginSource | undefined;

/**
 * Cookie scope. On the canonical path (`{origin}/p/{slug}`) the cookie's Path is `/p/{slug}`, so projects
 * sharing an origin never receive each other's cookies; on the project's subdomain (`{slug}.{BASE_DOMAIN}`,
 * mapped onto the same routes) the Path is `/` and the host scopes it. `session.cookie.path`/`domain` override.
 */
export function sessionCookiePath(project: CookieProject, request: CookieRequest): string {
  const configured = sessionSettings(project).cookie.path;
  if (configured) return configured;
  const served = originOf(request).served;
  return served?.kind === "project" && served.slug === project.slug ? "/" : `/p/${project.slug}`;
}

function attributes(project: CookieProject, request: CookieRequest): string[] {
  const { cookie } = sessionSettings(project);
  const secure = isSecureOrigin(originOf(request)) || cookie.sameSite === "None";
  return [
    `Path=${sessionCookiePath(project, request)}`,
    ...(cookie.domain ? [`Domain=${cookie.domain}`] : []),
    "HttpOnly",
    `SameSite=${cookie.sameSite}`,
    ...(secure ? ["Secure"] : []),
  ];
}

/** The Set-Cookie value carrying a session token (httpOnly; Max-Age/Expires unless the cookie is a browser-session cookie). */
export function sessionCookie(project: CookieProject, token: string, expiresAt: Date, request?: CookieRequest, now = new Date()): string {
  const { cookie } = sessionSettings(project);
  const lifetime = cookie.persistent
    ? [`Expires=${expiresAt.toUTCString()}`, `Max-Age=${Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000))}`]
    : [];
  return [`${cookie.name}=${token}`, ...attributes(project, request), ...lifetime].join("; ");
}

/** The same cookie as fields, for code that sets cookies through a framework API (Next's `cookies().set`). */
export interface SessionCookieFields {
  name: string;
  value: string;
  path: string;
  domain?: string;
  httpOnly: true;
  sameSite: "lax" | "strict" | "none";
  secure: boolean;
  expires?: Date;
}

export function sessionCookieFields(project: CookieProject, token: string, expiresAt: Date, request?: CookieRequest): SessionCookieFields {
  const { cookie } = sessionSettings(project);
  return {
    name: cookie.name,
    value: token,
    path: sessionCookiePath(project, request),
    ...(cookie.domain ? { domain: cookie.domain } : {}),
    httpOnly: true,
    sameSite: cookie.sameSite.toLowerCase() as SessionCookieFields["sameSite"],
    secure: isSecureOrigin(originOf(request)) || cookie.sameSite === "None",
    ...(cookie.persistent ? { expires: expiresAt } : {}),
  };
}

/** The Set-Cookie value that removes the session cookie (same name, path and domain). */
export function clearSessionCookie(project: CookieProject, request?: CookieRequest): string {
  const { cookie } = sessionSettings(project);
  return [`${cookie.name}=`, ...attributes(project, request), "Expires=Thu, 01 Jan 1970 00:00:00 GMT", "Max-Age=0"].join("; ");
}

/** Reads one cookie from a Cookie header (RFC 6265 §5.4). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  return undefined;
}
