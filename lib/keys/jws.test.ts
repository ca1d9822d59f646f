import { generateKeyPairSync } from "node:crypto";
import { compactVerify, exportJWK } from "jose";
import { describe, expect, it } from "vitest";
import type { SigningAlgorithm } from "./algorithms";
import { decodeCompact, signCompact, signCompactAsync, verifyDecoded } from "./jws";

const keys: Record<string, ReturnType<typeof generateKeyPairSync>> = {
  ES256: generateKeyPairSync("ec", { namedCurve: "P-256" }),
  RS256: generateKeyPairSync("rsa", { modulusLength: 2048 }),
  PS256: generateKeyPairSync("rsa", { modulusLength: 2048 }),
  EdDSA: generateKeyPairSync("ed25519"),
};

describe("compact JWS", () => {
  for (const alg of Object.keys(keys) as SigningAlgorithm[]) {
    it(`signs ${alg} on the threadpool exactly as synchronously, verifiable by jose`, async () => {
      const { privateKey, publicKey } = keys[alg];
      const payload = { sub: "s", n: 1, nested: { ü: "✓" } };
      for (const token of [await signCompactAsync({ typ: "at+jwt", kid: "k1" }, payload, privateKey, alg), signCompact({ typ: "at+jwt", kid: "k1" }, payload, privateKey, alg)]) {
        const decoded = decodeCompact(token)!;
        expect(decoded.header).toEqual({ typ: "at+jwt", kid: "k1", alg });
        expect(decoded.payload).toEqual(payload);
        expect(verifyDecoded(decoded, publicKey, alg)).toBe(true);
        const verified = await compactVerify(token, { ...(await exportJWK(publicKey)), alg });
        expect(verified.protectedHeader).toEqual({ typ: "at+jwt", kid: "k1", alg });
      }
    });
  }

  it("encodes each header from its own kid and typ (the encoded-header cache never mixes keys)", async () => {
    const { privateKey } = keys.ES256;
    const a = decodeCompact(await signCompactAsync({ typ: "at+jwt", kid: "a" }, {}, privateKey, "ES256"))!;
    const b = decodeCompact(await signCompactAsync({ typ: "at+jwt", kid: "b" }, {}, privateKey, "ES256"))!;
    const c = decodeCompact(signCompact({ typ: "JWT", kid: "a" }, {}, privateKey, "ES256"))!;
    expect([a.header.kid, b.header.kid, c.header.typ]).toEqual(["a", "b", "JWT"]);
  });

  it("rejects the promise when the key cannot sign", async () => {
    await expect(signCompactAsync({ typ: "JWT", kid: "k" }, {}, keys.ES256.publicKey, "ES256")).rejects.toThrow();
  });
});
