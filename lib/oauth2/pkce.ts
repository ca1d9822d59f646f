import { createHash, timingSafeEqual } from "node:crypto";

/** RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~]. */
export const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** RFC 7636 §4.6: S256 compares BASE64URL(SHA256(verifier)); plain compares as is. Constant time. */
export function pkceMatches(method: string, challenge: string, verifier: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  const computed = method === "S256" ? createHash("sha256").update(verifier, "ascii").digest("base64url") : verifier;
  const a = Buffer.from(computed);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
