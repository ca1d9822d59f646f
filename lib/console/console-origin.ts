import { config } from "@/lib/config";
import { SLUG_PATTERN } from "@/lib/projects/slug";

type OriginRequest = { header(name: string): string | undefined };

function forwarded(request: OriginRequest, name: string): string | undefined {
  return request.header(name)?.split(",")[0]?.trim() || undefined;
}

/** Only exactly http/https is believed from X-Forwarded-Proto (anything else could smuggle a scheme). */
function requestProto(request: OriginRequest): "http" | "https" {
  return forwarded(request, "x-forwarded-proto") === "https" ? "https" : "http";
}

function requestHost(request: OriginRequest): string {
  return (forwarded(request, "x-forwarded-host") ?? request.header("host") ?? "").toLowerCase();
}

/** True when the request came in on a project's subdomain (`{slug}.{BASE_DOMAIN}`), which never serves /console. */
export function onProjectSubdomain(request: OriginRequest): boolean {
  const base = config().BASE_DOMAIN?.toLowerCase();
  if (!base) return false;
  const hostname = requestHost(request).replace(/:\d+$/, "");
  return hostname.endsWith(`.${base}`) && SLUG_PATTERN.test(hostname.slice(0, -base.length - 1));
}

/**
 * The origin /console is served from, where the console session cookie belongs: PUBLIC_URL when set; on a
 * project subdomain without it, BASE_DOMAIN itself (same scheme and port), since project hosts are its
 * subdomains; otherwise the request's own origin.
 */
export function consoleOrigin(request: OriginRequest): string {
  const { PUBLIC_URL, BASE_DOMAIN } = config();
  if (PUBLIC_URL) return new URL(PUBLIC_URL).origin;
  const host = requestHost(request);
  if (BASE_DOMAIN && onProjectSubdomain(request)) {
    const port = /:\d+$/.exec(host)?.[0] ?? "";
    return `${requestProto(request)}://${BASE_DOMAIN.toLowerCase()}${port}`;
  }
  return `${requestProto(request)}://${host || "localhost"}`;
}

/**
 * Whether the console session may be set on this request's host. Only a project subdomain is refused (the
 * platform project answers there too, as `console.{BASE_DOMAIN}`); any other host is taken as the console's,
 * so a proxy that rewrites Host cannot send the handoff into a redirect loop.
 */
export function servesConsole(request: OriginRequest): boolean {
  if (!onProjectSubdomain(request)) return true;
  return new URL(consoleOrigin(request)).host === requestHost(request);
}
