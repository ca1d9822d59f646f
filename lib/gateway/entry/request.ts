import { normalizePath } from "../match/normalize";
import type { GatewayRequest } from "../pipeline/types";

const METHOD = /^[A-Z]{1,20}$/;
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
export const MAX_URL_LENGTH = 8192;

export interface RawRequest {
  method: string;
  /** Path and query as the caller sent them. */
  pathAndQuery: string;
  scheme: string;
  host: string | undefined;
  header(name: string): string | undefined;
  /** The client's address (lib/request-origin). */
  ip: string;
  /** Whether the caller is a trusted proxy (TRUSTED_PROXIES), whose X-Forwarded-* describe the request to decide on. */
  fromTrustedProxy?: boolean;
}

/** Builds the GatewayRequest for a URL, normalising its path (match/normalize.ts). Undefined when malformed. */
export function gatewayRequest(raw: RawRequest): GatewayRequest | undefined {
  const method = raw.method.toUpperCase();
  if (!METHOD.test(method) || raw.pathAndQuery.length > MAX_URL_LENGTH || !raw.pathAndQuery.startsWith("/")) return undefined;
  const scheme = raw.scheme === "https" ? "https" : "http";
  const host = raw.host && HOST.test(raw.host) ? raw.host.toLowerCase() : undefined;
  if (!host) return undefined;
  let url: URL;
  try {
    url = new URL(raw.pathAndQuery, `${scheme}://${host}`);
  } catch {
    return undefined;
  }
  url.pathname = normalizePath(url.pathname);
  return { method, url, header: raw.header, ip: raw.ip, fromTrustedProxy: raw.fromTrustedProxy ?? false };
}

/**
 * The original request a reverse proxy asks about (nginx auth_request, Traefik ForwardAuth, Caddy forward_auth):
 * X-Forwarded-Method, -Proto, -Host and -Uri when present; else Kubernetes ingress-nginx's `auth-url` headers
 * (X-Original-URL, the absolute URL, and X-Original-Method); else the decisions request itself with the
 * `/decisions` prefix removed (Oathkeeper's behaviour). These headers count only when the caller is a trusted proxy
 * (TRUSTED_PROXIES): anyone else is decided on as the request it actually sent. The client address is
 * lib/request-origin's (X-Forwarded-For from trusted proxies, right-most untrusted).
 */
export function forwardedRequest(own: RawRequest, rest: string, query: string): GatewayRequest | undefined {
  const first = (name: string) => (own.fromTrustedProxy ? own.header(name)?.split(",")[0]?.trim() || undefined : undefined);
  const original = first("x-forwarded-uri") || first("x-forwarded-host") ? undefined : originalUrl(own.fromTrustedProxy ? own.header("x-original-url") : undefined);
  const uri = first("x-forwarded-uri") ?? original?.pathAndQuery;
  const proto = first("x-forwarded-proto")?.toLowerCase() ?? original?.scheme;
  return gatewayRequest({
    method: first("x-forwarded-method") ?? first("x-original-method") ?? own.method,
    pathAndQuery: uri ?? `/${rest}${query ? `?${query}` : ""}`,
    scheme: proto === "https" || proto === "http" ? proto : own.scheme,
    host: first("x-forwarded-host") ?? original?.host ?? own.host,
    header: own.header,
    ip: own.ip,
    fromTrustedProxy: own.fromTrustedProxy,
  });
}

/** ingress-nginx's X-Original-URL (`$scheme://$http_host$request_uri`), split; undefined unless an absolute http(s) URL. */
function originalUrl(value: string | undefined): { scheme: string; host: string; pathAndQuery: string } | undefined {
  if (!value || value.length > MAX_URL_LENGTH) return undefined;
  const match = /^(https?):\/\/([^/?#]+)(\/[^#]*)?$/i.exec(value.trim());
  if (!match) return undefined;
  return { scheme: match[1].toLowerCase(), host: match[2], pathAndQuery: match[3] ?? "/" };
}
