import { createHmac } from "node:crypto";
import { derivedKeys } from "@/lib/keys";

const PURPOSE = "api-key-service/hmac-sha256/v1";

/**
 * Keyed hashes of a credential, one per system secret (newest first), as stored and looked up. Keys carry
 * ≈238 bits of entropy (imported keys whatever their source gave them), so a fast keyed hash is the right
 * tool: a slow KDF adds nothing against guessing, and the HMAC key (HKDF from the system secret, RFC 5869)
 * makes a database dump useless for offline checks. Older secrets' hashes still match during rotation.
 */
export async function credentialHashes(credential: string): Promise<string[]> {
  const keys = await derivedKeys(PURPOSE);
  return keys.map((key) => createHmac("sha256", key).update(credential, "utf8").digest("base64url"));
}

/** The hash a new key is stored under (the newest system secret). */
export async function storedHash(credential: string): Promise<string> {
  const [hash] = await credentialHashes(credential);
  if (!hash) throw new Error("No system secret.");
  return hash;
}
