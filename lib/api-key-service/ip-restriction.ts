import { BlockList, isIP } from "node:net";

/** A compiled `ip_restriction.allowed_cidrs`: undefined when the key has none (every address allowed). */
export function compileAllowList(cidrs: string[]): BlockList | undefined {
  if (cidrs.length === 0) return undefined;
  const list = new BlockList();
  for (const entry of cidrs) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    list.addSubnet(address, bits === undefined ? (family === "ipv6" ? 128 : 32) : Number(bits), family);
  }
  return list;
}

/** Whether `ip` (an IPv4-mapped IPv6 address counts as its IPv4 address) lies in the allow-list. */
export function ipAllowed(list: BlockList | undefined, ip: string | undefined): boolean {
  if (!list) return true;
  if (!ip) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped?.[1] ?? ip;
  const family = isIP(address);
  if (!family) return false;
  return list.check(address, family === 6 ? "ipv6" : "ipv4");
}
