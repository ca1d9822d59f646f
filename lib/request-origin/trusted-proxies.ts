import ipaddr from "ipaddr.js";
import { config, type AppConfig } from "@/lib/config";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

interface Verdict {
  trusted: boolean;
  /** The address as normalizeAddress() gives it (the raw text when it is no address). */
  normalized: string;
}

let parsed: { cfg: AppConfig; ranges: Range[]; verdicts: Map<string, Verdict> } | undefined;

function trusted(): NonNullable<typeof parsed> {
  const cfg = config();
  if (parsed?.cfg === cfg) return parsed;
  const ranges = cfg.TRUSTED_PROXIES.map((entry): Range => {
    if (entry.includes("/")) return ipaddr.parseCIDR(entry);
    const address = ipaddr.parse(entry);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  });
  parsed = { cfg, ranges, verdicts: new Map() };
  return parsed;
}

/** The address as one kind: IPv4-mapped IPv6 (`::ffff:127.0.0.1`, what a dual-stack socket reports) becomes IPv4. */
export function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return undefined;
  return ipaddr.process(bare);
}

/** Normalised text of an address (IPv4-mapped IPv6 as IPv4, IPv6 compressed); undefined when it is none. */
export function normalizeAddress(address: string): string | undefined {
  return parseAddress(address)?.toString();
}

const MAX_REMEMBERED = 4096;

/**
 * Whether `address` (a peer's IP) is one of TRUSTED_PROXIES, and its normalised text. Verdicts are remembered
 * per address string (a server sees few distinct peers; the map is dropped when it grows past a bound), so the
 * hot path pays one Map lookup instead of parsing an address per request.
 */
export function peerVerdict(address: string): Verdict {
  const state = trusted();
  const known = state.verdicts.get(address);
  if (known !== undefined) return known;
  const parsedAddress = parseAddress(address);
  const verdict: Verdict = {
    trusted: parsedAddress !== undefined && state.ranges.some(([range, bits]) => range.kind() === parsedAddress.kind() && parsedAddress.match(range, bits)),
    normalized: parsedAddress?.toString() ?? address,
  };
  if (state.verdicts.size >= MAX_REMEMBERED) state.verdicts.clear();
  state.verdicts.set(address, verdict);
  return verdict;
}

export function isTrustedProxy(address: string): boolean {
  return address !== "" && peerVerdict(address).trusted;
}
