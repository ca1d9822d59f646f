import { config } from "@/lib/config";

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

let hostMap: { source: string | undefined; map: Map<string, string> } | undefined;

function configuredHosts(): Map<string, string> {
  const source = config().GATEWAY_HOSTS;
  const cached = hostMap;
  if (cached && cached.source === source) return cached.map;
  const map = new Map<string, string>();
  for (const pair of (source ?? "").split(",")) {
    const [host, slug] = pair.split("=").map((s) => s?.trim().toLowerCase());
    if (host && slug && SLUG.test(slug)) map.set(host, slug);
  }
  hostMap = { source, map };
  return map;
}

export function gatewayMapping(host: string | undefined, path: string): GatewayMapping | undefined {
  const match = PREFIX.exec(path);
  if (match && SLUG.test(match[1])) return { slug: match[1], path: match[2] || "/", mode: "path" };
  const hosts = configuredHosts();
  if (!host || hosts.size === 0) return undefined;
  const slug = hosts.get(host.toLowerCase()) ?? hosts.get(host.toLowerCase().replace(/:\d+$/, ""));
  return slug ? { slug, path, mode: "host" } : undefined;
}
