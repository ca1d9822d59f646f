import { createCipheriv } from "node:crypto";
import { scryptKey, scryptMaxmem } from "./scrypt";
import { decodeBase64, equalBytes, readParams, type HashFormat } from "./types";

/** Kratos' `decodeFirebaseScryptHash`: seven parts, every binary part in strict padded base64. */
function parseFirebaseScrypt(hash: string) {
  const [, , params, saltText, hashText, separatorText, signerText, extra] = hash.split("$");
  const p = readParams(params, ["ln", "r", "p"]);
  const salt = decodeBase64(saltText, true);
  const expected = decodeBase64(hashText, true);
  const separator = decodeBase64(separatorText, true);
  const signerKey = decodeBase64(signerText, true);
  if (extra !== undefined || !p || !salt || !expected || !separator || !signerKey) return undefined;
  if (p.ln! < 1 || p.ln! > 20 || p.r! < 1 || p.r! > 32 || p.p! < 1 || p.p! > 16) return undefined;
  return { N: 2 ** p.ln!, r: p.r!, p: p.p!, salt, expected, separator, signerKey };
}

/**
 * Firebase's modified scrypt, in Kratos' format:
 * `$firescrypt$ln=<mem_cost>,r=<rounds>,p=<parallelization>$<salt>$<hash>$<salt_separator>$<signer_key>`.
 * key = scrypt(password, salt‖separator, N=2^mem_cost, r, p, 32); hash = AES-256-CTR(key, iv=0)(signer_key).
 */
export const firebaseScryptFormat: HashFormat = {
  name: "firebase-scrypt",
  matches: (hash) => hash.startsWith("$firescrypt$"),
  wellFormed: (hash) => parseFirebaseScrypt(hash) !== undefined,
  async verify(password, hash) {
    const parsed = parseFirebaseScrypt(hash);
    if (!parsed) return false;
    const { N, r, p, salt, expected, separator, signerKey } = parsed;
    try {
      const key = await scryptKey(password, Buffer.concat([salt, separator]), 32, { N, r, p, maxmem: scryptMaxmem(N, r) });
      const cipher = createCipheriv("aes-256-ctr", key, Buffer.alloc(16));
      const candidate = Buffer.concat([cipher.update(signerKey), cipher.final()]);
      return equalBytes(candidate, expected);
    } catch {
      return false;
    }
  },
};
