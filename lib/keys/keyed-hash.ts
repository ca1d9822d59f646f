import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKeys } from "./system-secret";

const PURPOSE = "keyed-hash/hmac-sha256/v1";

/**
 * HMAC-SHA256 with a system-derived key, for high-entropy secrets (client secrets): fast, and useless to
 * an attacker holding only the database. Not for passwords (those use argon2id).
 */
export async function keyedHash(value: string): Promise<string> {
  const [key] = await derivedKeys(PURPOSE);
  return createHmac("sha256", key).update(value, "utf8").digest("base64url");
}

/** Constant-time comparison against a stored keyed hash, trying older system secrets too. */
export async function verifyKeyedHash(value: string, stored: string): Promise<boolean> {
  const expected = Buffer.from(stored, "base64url");
  let match = false;
  for (const key of await derivedKeys(PURPOSE)) {
    const actual = createHmac("sha256", key).update(value, "utf8").digest();
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) match = true;
  }
  return match;
}
