import { config } from "@/lib/config";
import { AppError } from "@/lib/core/errors";
import type { RequestOrigin } from "./resolve";
import { knownSetupHost } from "./setup-host";

export const HOST_NOT_SERVED_MESSAGE = "This host is not served by this Portcullis installation.";

export function hostNotServed(): AppError {
  return new AppError("bad_request", HOST_NOT_SERVED_MESSAGE, {
    id: "host_not_served",
    reason: "The Host (or, from a trusted proxy, X-Forwarded-Host) names no host this installation serves; see PUBLIC_URL, BASE_DOMAIN and TRUSTED_PROXIES.",
  });
}

const trimmedPublicUrl = (): string | undefined => config().PUBLIC_URL?.replace(/\/+$/, "");

/** The request's own origin, refused (400) when the install does not serve its host: no URL ever reflects one. */
export function servedOrigin(origin: RequestOrigin): string {
  if (!origin.served) throw hostNotServed();
  return origin.origin;
}

/** The port part (`:8443`) of the request's host, or "". */
const portOf = (origin: RequestOrigin): string => origin.host.slice(origin.hostname.length);

/**
 * The origin canonical URLs (`{origin}/p/{slug}`, `/console`) are built on: PUBLIC_URL when set; on a host that
 * only proxies (GATEWAY_HOSTS) or a project subdomain, the install's own host (BASE_DOMAIN, else the set-up
 * host); otherwise the request's origin.
 */
export function canonicalOrigin(origin: RequestOrigin): string {
  const configured = trimmedPublicUrl();
  if (configured) return new URL(configured).origin;
  const own = servedOrigin(origin);
  const kind = origin.served?.kind;
  if (kind !== "gateway" && kind !== "project") return own;
  const baseDomain = config().BASE_DOMAIN?.toLowerCase();
  if (baseDomain) return `${origin.scheme}://${baseDomain}${portOf(origin)}`;
  const setupHost = knownSetupHost();
  return setupHost ? `${origin.scheme}://${setupHost}` : own;
}

/**
 * A project's base URL as the caller reached it (OIDC Discovery §3: the issuer is this URL): the origin itself
 * on the project's own host (`{slug}.{BASE_DOMAIN}`), otherwise `{canonical origin}/p/{slug}`.
 */
export function projectBaseUrl(slug: string, origin: RequestOrigin): string {
  const served = origin.served;
  if (served?.kind === "project" && served.slug === slug) return origin.origin;
  const configured = trimmedPublicUrl();
  return `${configured ?? canonicalOrigin(origin)}/p/${slug}`;
}

/** True when the request came in on a project's own host, which never serves /console. */
export function onProjectHost(origin: RequestOrigin): boolean {
  return origin.served?.kind === "project" || origin.served?.kind === "gateway";
}

/** The origin /console is served from, where the console session cookie belongs. */
export function consoleOrigin(origin: RequestOrigin): string {
  return canonicalOrigin(origin);
}

/** Whether the console session may be set on this request's host (never on a project's own host). */
export function servesConsole(origin: RequestOrigin): boolean {
  return !onProjectHost(origin) && Boolean(origin.served);
}

/** Cookies set for this request get `Secure` (the origin is https, as resolved or as PUBLIC_URL says). */
export function isSecureOrigin(origin: RequestOrigin): boolean {
  return origin.scheme === "https";
}
