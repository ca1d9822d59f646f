import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import net from "node:net";

/**
 * SSRF guard for URLs that tenants configure and the server fetches (gateway JWKS, hydrator, remote_json,
 * identity webhooks): private, loopback, link-local and otherwise non-public addresses are refused unless an
 * operator allows them (GATEWAY_OUTBOUND_ALLOW: CIDRs and host names, `*.example.com` for subdomains).
 * Names are checked on the addresses they resolve to, inside the connection's own lookup, so the address
 * checked is the address connected to (no DNS rebinding between a check and the connection).
 */
const BLOCKED_V4 = ["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
  "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"];
// IPv4-mapped addresses (::ffff:a.b.c.d) match the IPv4 ranges (node's BlockList compares them as IPv4).
const BLOCKED_V6 = ["::/127", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"];

function blockList(cidrs: string[]): net.BlockList {
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const [address, bits] = cidr.split("/");
    const family = net.isIPv6(address) ? "ipv6" : "ipv4";
    list.addSubnet(address, Number(bits ?? (family === "ipv6" ? 128 : 32)), family);
  }
  return list;
}

const blocked = blockList([...BLOCKED_V4, ...BLOCKED_V6]);

/** The IPv4 address embedded in a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address, which reach IPv4 hosts. */
function embeddedIpv4(address: string): string | undefined {
  const groups = expandIpv6(address);
  if (!groups) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return v4(groups[6], groups[7]);
  if (groups[0] === 0x2002) return v4(groups[1], groups[2]);
  return undefined;
}

function expandIpv6(address: string): number[] | undefined {
  let text = address.toLowerCase().split("%")[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split(".").map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

export interface OutboundPolicy {
  /** Whether connecting to `address` (an IP) is allowed; `host` is the name it was resolved from, if any. */
  allows(address: string, host?: string): boolean;
}

/** A policy from an allow-list (`10.0.0.0/8,::1,jwks.internal,*.corp.example`); everything public is allowed. */
export function outboundPolicy(allowList: string | undefined): OutboundPolicy {
  const entries = (allowList ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const cidrs = entries.filter((e) => net.isIP(e.split("/")[0]) !== 0);
  const hosts = entries.filter((e) => net.isIP(e.split("/")[0]) === 0);
  const allowed = blockList(cidrs);
  const hostAllowed = (host: string) => hosts.some((h) => (h.startsWith("*.") ? host.endsWith(h.slice(1)) : host === h));
  const family = (address: string) => (net.isIPv6(address) ? "ipv6" : "ipv4");
  const isBlocked = (address: string): boolean => {
    if (net.isIP(address) === 0) return true;
    if (blocked.check(address, family(address))) return true;
    const inner = net.isIPv6(address) ? embeddedIpv4(address) : undefined;
    return inner !== undefined && blocked.check(inner, "ipv4");
  };
  return {
    allows(address, host) {
      const ip = address.replace(/^\[|\]$/g, "");
      if (!isBlocked(ip)) return true;
      return allowed.check(ip, family(ip)) || (host !== undefined && hostAllowed(host.toLowerCase()));
    },
  };
}

export class OutboundBlockedError extends Error {
  constructor(readonly host: string, readonly address?: string) {
    super(`Outbound request to ${host}${address && address !== host ? ` (${address})` : ""} refused: not a public address (see GATEWAY_OUTBOUND_ALLOW).`);
    this.name = "OutboundBlockedError";
  }
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/http/tls connections: resolves, refuses the connection when any resolved address is not
 * allowed (a name that also points inside is not trusted), and hands the checked addresses to the socket.
 */
export function guardedLookup(policy: OutboundPolicy, resolve: Resolver = systemResolver) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => !policy.allows(a.address, hostname));
        if (refused || addresses.length === 0) return callback(new OutboundBlockedError(hostname, refused?.address), "");
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}

/** Write-time check of a URL: literal IP hosts must be allowed (names are checked when they are fetched). */
export function outboundUrlProblem(url: string, policy: OutboundPolicy): string | undefined {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) !== 0 && !policy.allows(host)) return `${host} is not a public address (allow it in GATEWAY_OUTBOUND_ALLOW)`;
  return undefined;
}
