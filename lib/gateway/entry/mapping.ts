/**
 * Which requests go through a project's gateway (the forwarding path):
 * - `/p/{slug}/gateway/{path}` on any Portcullis host (and `{slug}.{BASE_DOMAIN}/gateway/{path}`, which
 *   host mapping turns into the former): the rules see `{scheme}://{host}/{path}`, the prefix removed;
 * - every request to a host an operator mapped in GATEWAY_HOSTS (`app.example.com=acme,…`): the rules
 *   see the URL as requested. Hosts are mapped by configuration, never by a tenant, so no project can
 *   claim another's domain.
 */
export interface GatewayMapping {
  slug: string;
  /** The path the rules see (always starting with "/"). */
  path: string;
  mode: "path" | "host";
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PREFIX = /^\/p\/([^/]+)\/gateway(\/.*)?$/;

/**
 * `hostSlug`: the project whose GATEWAY_HOSTS entry names the request's host (lib/request-origin decides
 * the host, so a forged X-Forwarded-Host from an untrusted peer cannot pick a project).
 */
export function gatewayMapping(hostSlug: string | undefined, path: string): GatewayMapping | undefined {
  const match = PREFIX.exec(path);
  if (match && SLUG.test(match[1])) return { slug: match[1], path: match[2] || "/", mode: "path" };
  return hostSlug ? { slug: hostSlug, path, mode: "host" } : undefined;
}
