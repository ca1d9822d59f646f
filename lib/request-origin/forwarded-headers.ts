import parseForwarded from "forwarded-parse";

type HeaderSource = { header(name: string): string | undefined };

/**
 * What the proxies in front recorded about the request, hop by hop: `addresses[i]` is the address that
 * connected to the i-th proxy (left = farthest from us), `hosts[i]`/`protos[i]` the Host and scheme that
 * proxy received, when recorded.
 */
export interface ProxyChain {
  addresses: string[];
  hosts: (string | undefined)[];
  protos: (string | undefined)[];
}

const EMPTY: ProxyChain = { addresses: [], hosts: [], protos: [] };

const list = (value: string | undefined): string[] => (value ? value.split(",").map((s) => s.trim()).filter(Boolean) : []);

/** RFC 7239 §6: a node is an address (IPv6 in brackets), optionally with a port, or `unknown` / an obfuscated `_id`. */
function nodeAddress(node: string): string {
  if (node.startsWith("[")) return node.slice(1, node.indexOf("]") === -1 ? undefined : node.indexOf("]"));
  const colon = node.indexOf(":");
  return colon !== -1 && node.indexOf(":", colon + 1) === -1 ? node.slice(0, colon) : node;
}

/** RFC 7239 §4: one element per proxy, appended in order; malformed headers are ignored as a whole. */
function fromForwarded(value: string): ProxyChain {
  let elements: Record<string, string>[];
  try {
    elements = parseForwarded(value);
  } catch {
    return EMPTY;
  }
  const withFor = elements.filter((element) => element.for !== undefined);
  return {
    addresses: withFor.map((element) => nodeAddress(element.for)),
    hosts: withFor.map((element) => element.host),
    protos: withFor.map((element) => element.proto),
  };
}

/**
 * X-Forwarded-Host / -Proto carry one value (set by the proxy facing the client), or one per X-Forwarded-For
 * entry when every proxy appends; any other shape cannot be matched to a hop and is ignored.
 */
function aligned(values: string[], length: number): (string | undefined)[] {
  if (values.length === length) return values;
  if (values.length === 1) return new Array<string>(length).fill(values[0]);
  return new Array<undefined>(length).fill(undefined);
}

/** The chain from `Forwarded` when present (RFC 7239 supersedes the X- headers), else from X-Forwarded-*. */
export function proxyChain(request: HeaderSource): ProxyChain {
  const forwarded = request.header("forwarded");
  if (forwarded) return fromForwarded(forwarded);
  const addresses = list(request.header("x-forwarded-for"));
  if (addresses.length === 0) {
    // A proxy that records only the scheme or host (no address) describes the hop from the client itself.
    const host = list(request.header("x-forwarded-host"));
    const proto = list(request.header("x-forwarded-proto"));
    if (host.length > 1 || proto.length > 1 || (host.length === 0 && proto.length === 0)) return EMPTY;
    return { addresses: [""], hosts: [host[0]], protos: [proto[0]] };
  }
  return {
    addresses,
    hosts: aligned(list(request.header("x-forwarded-host")), addresses.length),
    protos: aligned(list(request.header("x-forwarded-proto")), addresses.length),
  };
}
