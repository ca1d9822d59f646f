import { config } from "@/lib/config";
import { proxyChain } from "./forwarded-headers";
import { connectionFromFront, FRONT_HEADER, type ConnectionFacts } from "./front";
import { hostFacts, hostnameOf, type ServedHost } from "./served-hosts";
import { knownSetupHost } from "./setup-host";
import { isTrustedProxy, normalizeAddress, peerVerdict } from "./trusted-proxies";

/**
 * Anything that can tell its headers; `connection` when the caller sees the socket (server.ts' fast path);
 * `origin` when it was resolved already for the request this one acts for (console contexts).
 */
export interface OriginSource {
  header(name: string): string | undefined;
  /** The path as received (see DESCRIBES_ANOTHER_REQUEST). */
  readonly path?: string;
  readonly connection?: ConnectionFacts;
  readonly origin?: RequestOrigin;
}

/** Where a request came from and which of the install's hosts it addressed. */
export interface RequestOrigin {
  readonly scheme: "http" | "https";
  /** `host[:port]`, lower-case; empty when the request named none that is well-formed. */
  readonly host: string;
  readonly hostname: string;
  /** `{scheme}://{host}`: only meaningful when `served` (URL builders in ./urls refuse otherwise). */
  readonly origin: string;
  /** The right-most address of the forwarding chain that is not a trusted proxy. */
  readonly clientIp: string;
  readonly served: ServedHost | undefined;
}

const UNKNOWN_PEER: ConnectionFacts = { remoteAddress: "", encrypted: false };

/**
 * On the gateway's decisions API (nginx auth_request, Traefik ForwardAuth, Envoy ext_authz) X-Forwarded-Host
 * and -Proto describe the protected application's request, not how Portcullis was reached: there the request's
 * own origin is its Host and connection (the client address still comes from the chain).
 */
const DESCRIBES_ANOTHER_REQUEST = /^(?:\/p\/[^/]+)?\/decisions(?:\/|$)/;

function connectionOf(source: OriginSource): ConnectionFacts {
  return source.connection ?? connectionFromFront(source.header(FRONT_HEADER)) ?? UNKNOWN_PEER;
}

interface Hop {
  clientIp: string;
  host: string | undefined;
  proto: string | undefined;
}

/**
 * X-Forwarded-* / Forwarded count only when the direct peer is a trusted proxy; then the client is the
 * right-most address of the chain that is not itself a trusted proxy (every address to its right was added
 * by a proxy we trust; anything to its left the client could have written), and the Host and scheme are
 * those recorded for that same hop.
 */
function clientHop(source: OriginSource, connection: ConnectionFacts): Hop {
  const verdict = peerVerdict(connection.remoteAddress);
  const peer = verdict.normalized;
  if (!verdict.trusted) return { clientIp: peer, host: source.header("host"), proto: undefined };
  const chain = proxyChain(source);
  const last = chain.addresses.length - 1;
  if (last < 0) return { clientIp: peer, host: source.header("host"), proto: undefined };
  let index = last;
  while (index > 0 && isTrustedProxy(chain.addresses[index])) index--;
  // `unknown` or an obfuscated identifier (RFC 7239 §6.2–6.3): the proxy that recorded it is the best we know.
  const recordedBy = index === last ? peer : normalizeAddress(chain.addresses[index + 1]) ?? peer;
  const clientIp = normalizeAddress(chain.addresses[index]) ?? recordedBy;
  if (source.path !== undefined && DESCRIBES_ANOTHER_REQUEST.test(source.path)) return { clientIp, host: source.header("host"), proto: undefined };
  return { clientIp, host: chain.hosts[index] ?? source.header("host"), proto: chain.protos[index] };
}

const ownScheme = (connection: ConnectionFacts): "http" | "https" => (connection.encrypted ? "https" : "http");

function schemeOf(proto: string | undefined, connection: ConnectionFacts): "http" | "https" {
  const lower = proto?.toLowerCase();
  return lower === "https" || lower === "http" ? lower : ownScheme(connection);
}

/**
 * PUBLIC_URL is authoritative for the scheme of the hosts it covers (a TLS-terminating proxy that is not
 * listed in TRUSTED_PROXIES must not make cookies lose `Secure`).
 */
function configuredScheme(served: ServedHost | undefined, resolved: "http" | "https"): "http" | "https" {
  const publicUrl = config().PUBLIC_URL;
  if (!publicUrl || !served || served.kind === "gateway" || served.kind === "setup" || served.kind === "loopback") return resolved;
  return publicUrl.startsWith("https:") ? "https" : "http";
}

function resolve(source: OriginSource): RequestOrigin {
  const connection = connectionOf(source);
  const hop = clientHop(source, connection);
  const { host, hostname, served, origins } = hostFacts(hop.host ?? "");
  const scheme = configuredScheme(served, schemeOf(hop.proto, connection));
  return { scheme, host, hostname, origin: origins[scheme], clientIp: hop.clientIp, served };
}

// Memoised on the request object itself: a WeakMap costs microseconds per request once it holds many
// short-lived keys (ephemeron bookkeeping in the GC), more than the whole resolution.
const MEMO = Symbol("request-origin");
type Memoised = OriginSource & { [MEMO]?: RequestOrigin };

/**
 * The install's own origin, for work done outside any request (background jobs): PUBLIC_URL, else BASE_DOMAIN,
 * else the set-up host, else http://localhost.
 */
export function installOrigin(): RequestOrigin {
  const { PUBLIC_URL, BASE_DOMAIN } = config();
  if (PUBLIC_URL) {
    const url = new URL(PUBLIC_URL);
    return { scheme: url.protocol === "https:" ? "https" : "http", host: url.host, hostname: url.hostname, origin: url.origin, clientIp: "", served: { kind: "public" } };
  }
  const host = BASE_DOMAIN?.toLowerCase() ?? knownSetupHost() ?? "localhost";
  const served: ServedHost = BASE_DOMAIN ? { kind: "base-domain" } : knownSetupHost() ? { kind: "setup" } : { kind: "loopback" };
  return { scheme: "http", host, hostname: hostnameOf(host), origin: `http://${host}`, clientIp: "", served };
}

/** The origin of `request`, or the install's own when there is none. */
export function originOf(request: OriginSource | undefined): RequestOrigin {
  return request ? requestOrigin(request) : installOrigin();
}

/**
 * The request's origin, client IP and served host (computed once per request object; `refresh` resolves again,
 * e.g. after the set-up host was read from the database).
 */
export function requestOrigin(source: OriginSource, options?: { refresh: boolean }): RequestOrigin {
  if (source.origin) return source.origin;
  const memoised = source as Memoised;
  if (options?.refresh) return (memoised[MEMO] = resolve(source));
  return (memoised[MEMO] ??= resolve(source));
}

/** Whether the direct peer is a trusted proxy (its X-Forwarded-* / Forwarded headers count). */
export function fromTrustedProxy(source: OriginSource): boolean {
  return isTrustedProxy(connectionOf(source).remoteAddress);
}

/** Only the client IP (rate limits, audit): skips the host work of `requestOrigin`. */
export function clientIp(source: OriginSource): string {
  return source.origin?.clientIp ?? (source as Memoised)[MEMO]?.clientIp ?? clientHop(source, connectionOf(source)).clientIp;
}
