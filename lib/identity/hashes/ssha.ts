import { createHash } from "node:crypto";
import { decodeBase64, equalBytes, type HashFormat } from "./types";

const VARIANTS: Record<string, { digest: string; length: number }> = {
  SSHA: { digest: "sha1", length: 20 },
  SSHA256: { digest: "sha256", length: 32 },
  SSHA512: { digest: "sha512", length: 64 },
};

/** LDAP salted SHA (RFC 2307 style): `{SSHA}`, `{SSHA256}`, `{SSHA512}` + base64(digest(password‖salt)‖salt). */
export const sshaFormat: HashFormat = {
  name: "ssha",
  matches: (hash) => /^\{SSHA(256|512)?\}/.test(hash),
  async verify(password, hash) {
    const match = /^\{(SSHA(?:256|512)?)\}(.*)$/s.exec(hash);
    const variant = VARIANTS[match?.[1] ?? ""];
    const decoded = decodeBase64(match?.[2], true);
    if (!variant || !decoded || decoded.length <= variant.length) return false;
    const expected = decoded.subarray(0, variant.length);
    const salt = decoded.subarray(variant.length);
    return equalBytes(createHash(variant.digest).update(password).update(salt).digest(), expected);
  },
};
