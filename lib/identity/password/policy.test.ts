import { createServer } from "node:http";
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { commonPasswordCount, isCommonPassword } from "./common-passwords";
import { checkPasswordPolicy, tooSimilarToIdentifier } from "./policy";
import { levenshtein, longestCommonSubstring } from "./similarity";

const project = (password: Record<string, unknown> = {}) => ({
  config: { services: { identity: { config: { selfservice: { methods: { password: { config: password } } } } } } },
});

describe("password policy", () => {
  it("ships the breached list offline", () => {
    expect(commonPasswordCount()).toBeGreaterThan(40_000);
    expect(isCommonPassword("Password1")).toBe(true);
    expect(isCommonPassword("qwertyuiop")).toBe(true);
    expect(isCommonPassword("x7#Vq!pL2m-9zR")).toBe(false);
  });

  it("enforces the minimum length with Kratos' message", async () => {
    expect(await checkPasswordPolicy(project(), "short", [])).toEqual([
      { id: 4000032, type: "error", text: "The password must be at least 8 characters long, but got 5.", context: { min_length: 8, actual_length: 5 } },
    ]);
    expect(await checkPasswordPolicy(project({ min_password_length: 12 }), "x7#Vq!pL2m", [])).toMatchObject([{ id: 4000032 }]);
  });

  it("rejects passwords similar to an identifier (unless disabled)", async () => {
    expect(tooSimilarToIdentifier("alice@example.com1", "alice@example.com")).toBe(true);
    expect(tooSimilarToIdentifier("x7#Vq!pL2m-9zR", "alice@example.com")).toBe(false);
    expect(await checkPasswordPolicy(project(), "alice@example", ["alice@example.com"])).toMatchObject([{ id: 4000031 }]);
    expect(await checkPasswordPolicy(project({ identifier_similarity_check_enabled: false }), "alice@example", ["alice@example.com"])).toEqual([]);
  });

  it("rejects common breached passwords", async () => {
    expect(await checkPasswordPolicy(project(), "iloveyou2", [])).toMatchObject([{ id: 4000034 }]);
  });

  it("asks the k-anonymity range API only when enabled, sending just a 5-character prefix", async () => {
    const seen: string[] = [];
    const password = "not-on-the-bundled-list-7Q";
    const digest = createHash("sha1").update(password).digest("hex").toUpperCase();
    const server = createServer((req, res) => {
      seen.push(req.url ?? "");
      res.end(`${digest.slice(5)}:42\r\n0000000000000000000000000000000000A:0`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // The host is project configuration: loopback is refused by the SSRF guard until the operator allows it.
      const strict = { haveibeenpwned_enabled: true, haveibeenpwned_host: host, ignore_network_errors: false };
      expect(await checkPasswordPolicy(project(strict), password, [])).toMatchObject([{ id: 4000005 }]);
      expect(seen).toEqual([]);
      process.env.GATEWAY_OUTBOUND_ALLOW = "127.0.0.0/8";
      resetConfig();
      expect(await checkPasswordPolicy(project({ haveibeenpwned_host: host }), password, [])).toEqual([]);
      expect(seen).toEqual([]);
      expect(await checkPasswordPolicy(project({ haveibeenpwned_enabled: true, haveibeenpwned_host: host }), password, [])).toMatchObject([{ id: 4000034, context: { breaches: 42 } }]);
      expect(seen).toEqual([`/range/${digest.slice(0, 5)}`]);
      expect(await checkPasswordPolicy(project({ haveibeenpwned_enabled: true, haveibeenpwned_host: host, max_breaches: 100 }), password, [])).toEqual([]);
    } finally {
      server.close();
      delete process.env.GATEWAY_OUTBOUND_ALLOW;
      resetConfig();
    }
    const unreachable = { haveibeenpwned_enabled: true, haveibeenpwned_host: "http://127.0.0.1:9", ignore_network_errors: false };
    expect(await checkPasswordPolicy(project(unreachable), "another-unlisted-pass-8Z", [])).toMatchObject([{ id: 4000005 }]);
  });

  it("computes edit distance and common substrings", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(longestCommonSubstring("alice@example.com", "xxalice@exyy")).toBe(8);
  });
});
