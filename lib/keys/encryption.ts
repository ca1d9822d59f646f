import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKeys } from "./system-secret";

const PURPOSE = "at-rest-encryption/aes-256-gcm/v1";
const PREFIX = "v1.";

/**
 * AES-256-GCM with a key derived from the system secret. `context` is bound as additional authenticated
 * data (e.g. project, key set and kid), so a ciphertext copied to another row does not decrypt.
 */
export async function sealSecret(plaintext: string, context: string): Promise<string> {
  const [key] = await derivedKeys(PURPOSE);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** Decrypts with the current system secret, then with older ones (secret rotation). */
export async function openSecret(sealed: string, context: string): Promise<string> {
  if (!sealed.startsWith(PREFIX)) throw new Error("Unknown ciphertext format.");
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
  const iv = raw.subarray(0, 12);
  const tag = raw.subarray(raw.length - 16);
  const body = raw.subarray(12, raw.length - 16);
  for (const key of await derivedKeys(PURPOSE)) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch {
      // try the next (older) secret
    }
  }
  throw new Error("The secret could not be decrypted with any system secret.");
}
