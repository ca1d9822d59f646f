import { config } from "@/lib/config";

interface IssuerRequest {
  header(name: string): string | undefined;
  readonly url: URL;
  /** url.protocol without the colon, when known without building the URL (lib/http's ApiRequest). */
  readonly protocol?: string;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The issuer is the project base URL (OIDC Discovery §3, RFC 8414 §2):
 * - subdomain mode (`{slug}.{BASE_DOMAIN}` in Host): `{proto}://{host}`;
 * - otherwise `{PUBLIC_URL}/p/{slug}` when PUBLIC_URL is configured (recommended in production: stable
 *   across proxies and immune to Host header games);
 * - otherwise `{proto}://{Host}/p/{slug}` from the request, where proto is X-Forwarded-Proto when it is
 *   exactly http or https (the request's own scheme otherwise) and a malformed Host falls back to the URL.
 */
export function projectIssuer(slug: string, request: IssuerRequest): string {
  const cfg = config();
  const host = request.header("x-forwarded-host")?.split(",")[0].trim() || request.header("host") || "";
  const validHost = HOST.test(host) ? host.toLowerCase() : request.url.host;
  const forwarded = request.header("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  const proto = forwarded === "https" || forwarded === "http" ? forwarded : request.protocol ?? request.url.protocol.replace(":", "");
  if (cfg.BASE_DOMAIN && validHost.replace(/:\d+$/, "") === `${slug}.${cfg.BASE_DOMAIN.toLowerCase()}`) {
    const scheme = cfg.PUBLIC_URL ? new URL(cfg.PUBLIC_URL).protocol.replace(":", "") : proto;
    return `${scheme}://${validHost}`;
  }
  if (cfg.PUBLIC_URL) return `${cfg.PUBLIC_URL.replace(/\/+$/, "")}/p/${slug}`;
  return `${proto}://${validHost}/p/${slug}`;
}

/** Resolves a configured URL (absolute, or relative to the project base URL like "/ui/login"). */
export function resolveProjectUrl(issuer: string, value: string): URL {
  if (/^https?:\/\//i.test(value)) return new URL(value);
  return new URL(issuer.replace(/\/+$/, "") + (value.startsWith("/") ? value : `/${value}`));
}
