import { createHash } from "node:crypto";
import { decodeBase64, equalBytes, type HashFormat } from "./types";

const VARIANTS: Record<string, { digest: string; length: number }> = {
  SSHA: { digest: "sha1", length: 20 },
  SSHA256: { digest: "sha256", length: 32 },
  SSHA512: { digest: "sha512", length: 64 },
};

/** Kratos' `decodeSSHAHash` decodes with the non-strict `StdEncoding` (the only decoder that does), so do we. */
function parseSsha(hash: string) {
  const match = /^\{(SSHA(?:256|512)?)\}(.*)$/s.exec(hash);
  const variant = VARIANTS[match?.[1] ?? ""];
  const decoded = decodeBase64(match?.[2], true, false);
  if (!variant || !decoded || decoded.length <= variant.length) return undefined;
  return { digest: variant.digest, expected: decoded.subarray(0, variant.length), salt: decoded.subarray(variant.length) };
}

/** LDAP salted SHA (RFC 2307 style): `{SSHA}`, `{SSHA256}`, `{SSHA512}` + base64(digest(password‖salt)‖salt). */
export const sshaFormat: HashFormat = {
  name: "ssha",
  matches: (hash) => /^\{SSHA(256|512)?\}/.test(hash),
  wellFormed: (hash) => parseSsha(hash) !== undefined,
  async verify(password, hash) {
    const parsed = parseSsha(hash);
    if (!parsed) return false;
    return equalBytes(createHash(parsed.digest).update(password).update(parsed.salt).digest(), parsed.expected);
  },
};
