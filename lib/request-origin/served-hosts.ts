import { config, type AppConfig } from "@/lib/config";
import { knownSetupHost } from "./setup-host";

/** How the install serves a host: the answer to "which project/host is this". */
export type ServedHost =
  | { kind: "public" } // PUBLIC_URL's host
  | { kind: "base-domain" } // BASE_DOMAIN itself
  | { kind: "project"; slug: string } // `{slug}.{BASE_DOMAIN}`
  | { kind: "gateway"; slug: string } // a GATEWAY_HOSTS entry: the project's identity-aware proxy
  | { kind: "setup" } // the host the install was set up on (neither PUBLIC_URL nor BASE_DOMAIN configured)
  | { kind: "loopback" }; // localhost, *.localhost, 127.0.0.0/8, [::1] (neither PUBLIC_URL nor BASE_DOMAIN configured)

/** A DNS label (RFC 1035 §2.3.1), as project slugs are. */
export const SLUG_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4_LOOPBACK = /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

interface Rules {
  cfg: AppConfig;
  setupHost: string | undefined;
  publicHostname: string | undefined;
  baseDomain: string | undefined;
  /** GATEWAY_HOSTS: `host` or `host:port` → slug. */
  gatewayHosts: Map<string, string>;
  /** Neither PUBLIC_URL nor BASE_DOMAIN: the set-up host and loopback are served. */
  open: boolean;
  verdicts: Map<string, ServedHost | null>;
  hosts: Map<string, HostFacts>;
}

/** A Host value as received, checked and lower-cased, with its host name and how the install serves it. */
export interface HostFacts {
  /** `host[:port]`, lower-case; "" when the value is no well-formed host. */
  host: string;
  hostname: string;
  served: ServedHost | undefined;
  origins: { http: string; https: string };
}

// RFC 9110 §7.2 / RFC 3986 §3.2.2: reg-name or IPv4 (letters, digits, dots, hyphens) or a bracketed IPv6, optional port.
const HOST = /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/;

let rules: Rules | undefined;

function parseGatewayHosts(source: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (source ?? "").split(",")) {
    const [host, slug] = pair.split("=").map((s) => s?.trim().toLowerCase());
    if (host && slug && SLUG_LABEL.test(slug)) map.set(host, slug);
  }
  return map;
}

/** Configuration parsed once (again only when the configuration or the recorded set-up host changes). */
function currentRules(): Rules {
  const cfg = config();
  const setupHost = knownSetupHost();
  if (rules?.cfg === cfg && rules.setupHost === setupHost) return rules;
  rules = {
    cfg,
    setupHost,
    publicHostname: cfg.PUBLIC_URL ? new URL(cfg.PUBLIC_URL).hostname.toLowerCase() : undefined,
    baseDomain: cfg.BASE_DOMAIN?.toLowerCase().replace(/^\.+|\.+$/g, "") || undefined,
    gatewayHosts: parseGatewayHosts(cfg.GATEWAY_HOSTS),
    open: !cfg.PUBLIC_URL && !cfg.BASE_DOMAIN,
    verdicts: new Map(),
    hosts: new Map(),
  };
  return rules;
}

/** `host[:port]` → host (IPv6 keeps its brackets). */
export function hostnameOf(host: string): string {
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

export function isLoopbackHostname(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || IPV4_LOOPBACK.test(hostname);
}

function decide(r: Rules, host: string, hostname: string): ServedHost | undefined {
  const gateway = r.gatewayHosts.get(host) ?? r.gatewayHosts.get(hostname);
  if (gateway) return { kind: "gateway", slug: gateway };
  if (r.publicHostname === hostname) return { kind: "public" };
  if (r.baseDomain) {
    if (hostname === r.baseDomain) return { kind: "base-domain" };
    if (hostname.endsWith(`.${r.baseDomain}`)) {
      const slug = hostname.slice(0, -r.baseDomain.length - 1);
      if (SLUG_LABEL.test(slug)) return { kind: "project", slug };
    }
  }
  if (!r.open) return undefined;
  if (r.setupHost && hostnameOf(r.setupHost) === hostname) return { kind: "setup" };
  if (isLoopbackHostname(hostname)) return { kind: "loopback" };
  return undefined;
}

const MAX_REMEMBERED = 4096;

/**
 * Whether the install serves `host` (`host[:port]`, lower-case) and as what. Host names are compared without
 * their port. Verdicts are remembered per host string, so the hot path pays one Map lookup.
 */
export function servedHost(host: string): ServedHost | undefined {
  const r = currentRules();
  const known = r.verdicts.get(host);
  if (known !== undefined) return known ?? undefined;
  const verdict = decide(r, host, hostnameOf(host));
  if (r.verdicts.size >= MAX_REMEMBERED) r.verdicts.clear();
  r.verdicts.set(host, verdict ?? null);
  return verdict;
}

/**
 * The facts of a Host (or forwarded host) value as received, remembered per raw value: the hot path pays one
 * Map lookup instead of trimming, lower-casing, matching and splitting a string per request.
 */
export function hostFacts(raw: string): HostFacts {
  const r = currentRules();
  const known = r.hosts.get(raw);
  if (known) return known;
  const candidate = raw.trim().toLowerCase();
  const host = HOST.test(candidate) ? candidate : "";
  const facts: HostFacts = {
    host,
    hostname: hostnameOf(host),
    served: host ? servedHost(host) : undefined,
    origins: { http: `http://${host}`, https: `https://${host}` },
  };
  if (r.hosts.size >= MAX_REMEMBERED) r.hosts.clear();
  r.hosts.set(raw, facts);
  return facts;
}

/** The project an operator mapped onto `host` in GATEWAY_HOSTS, if any. */
export function gatewayHostSlug(host: string): string | undefined {
  const r = currentRules();
  const lower = host.toLowerCase();
  return r.gatewayHosts.get(lower) ?? r.gatewayHosts.get(hostnameOf(lower));
}

/** Neither PUBLIC_URL nor BASE_DOMAIN is configured: hosts are the set-up host and loopback. */
export function isOpenInstall(): boolean {
  return currentRules().open;
}
