import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboundFetch } from "./outbound-fetch";
import { guardedLookup, OutboundBlockedError, outboundPolicy, outboundUrlProblem, type Resolver } from "./outbound-guard";

const closed = outboundPolicy(undefined);

describe("outbound policy", () => {
  it("refuses private, loopback, link-local and reserved IPv4", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255"]) {
      expect(closed.allows(ip), ip).toBe(false);
    }
    for (const ip of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "93.184.216.34"]) expect(closed.allows(ip), ip).toBe(true);
  });

  it("refuses IPv6 loopback, unique-local, link-local and multicast, and IPv4 hidden in IPv6", () => {
    for (const ip of ["::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "[::1]",
      "::ffff:127.0.0.1", "::ffff:7f00:1", "0:0:0:0:0:ffff:a00:1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "64:ff9b::127.0.0.1", "2002:c0a8:101::1"]) {
      expect(closed.allows(ip), ip).toBe(false);
    }
    for (const ip of ["2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]) expect(closed.allows(ip), ip).toBe(true);
  });

  it("allows what the operator lists: CIDRs (mapped forms too) and host names", () => {
    const policy = outboundPolicy("10.0.0.0/8, ::1, jwks.internal, *.corp.example");
    expect(policy.allows("10.9.9.9")).toBe(true);
    expect(policy.allows("::ffff:10.9.9.9")).toBe(true);
    expect(policy.allows("::1")).toBe(true);
    expect(policy.allows("127.0.0.1")).toBe(false);
    expect(policy.allows("192.168.0.5", "jwks.internal")).toBe(true);
    expect(policy.allows("192.168.0.5", "a.corp.example")).toBe(true);
    expect(policy.allows("192.168.0.5", "corp.example.evil")).toBe(false);
  });

  it("checks literal addresses when a URL is written, and leaves names to fetch time", () => {
    expect(outboundUrlProblem("http://169.254.169.254/latest/meta-data", closed)).toMatch(/not a public address/);
    expect(outboundUrlProblem("http://[::ffff:127.0.0.1]:8080/", closed)).toMatch(/not a public address/);
    expect(outboundUrlProblem("https://jwks.example.com/keys", closed)).toBeUndefined();
  });
});

describe("guarded connections", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end("hello"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => void server.close());

  /** A resolver answering from a table, counting calls (a rebinding name answers differently each time). */
  const stub = (answers: Record<string, string[][]>): Resolver & { calls: number } => {
    const resolver = async (name: string) => {
      resolver.calls++;
      const list = answers[name];
      const addresses = list?.[Math.min(resolver.calls - 1, list.length - 1)] ?? [];
      return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    };
    resolver.calls = 0;
    return resolver;
  };

  it("refuses a literal private address before connecting", async () => {
    await expect(outboundFetch(`http://127.0.0.1:${port}/`, { policy: closed })).rejects.toBeInstanceOf(OutboundBlockedError);
  });

  it("refuses a name resolving to a private address, and one with any private address among public ones", async () => {
    const resolve = stub({ "evil.test": [["127.0.0.1"]], "mixed.test": [["93.184.216.34", "10.0.0.1"]] });
    await expect(outboundFetch(`http://evil.test:${port}/`, { policy: closed, resolve })).rejects.toBeInstanceOf(OutboundBlockedError);
    await expect(outboundFetch(`http://mixed.test:${port}/`, { policy: closed, resolve })).rejects.toBeInstanceOf(OutboundBlockedError);
  });

  it("checks the address it connects to: a name that rebinds to loopback after a public answer is refused", async () => {
    // First answer public (what a check-then-fetch guard would have vetted), then loopback at connection time.
    const resolve = stub({ "rebind.test": [["93.184.216.34"], ["127.0.0.1"]] });
    await resolve("rebind.test");
    await expect(outboundFetch(`http://rebind.test:${port}/`, { policy: closed, resolve })).rejects.toBeInstanceOf(OutboundBlockedError);
  });

  it("connects to the resolved, allowed address", async () => {
    const resolve = stub({ "peer.test": [["127.0.0.1"]] });
    const response = await outboundFetch(`http://peer.test:${port}/`, { policy: outboundPolicy("127.0.0.0/8"), resolve });
    expect(await response.text()).toBe("hello");
    expect(resolve.calls).toBe(1);
  });

  it("hands every checked address to sockets that ask for all of them", async () => {
    const lookup = guardedLookup(outboundPolicy("127.0.0.0/8"), stub({ "peer.test": [["127.0.0.1"]] }));
    const all = await new Promise((resolve, reject) => lookup("peer.test", { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
    expect(all).toEqual([{ address: "127.0.0.1", family: 4 }]);
  });
});
