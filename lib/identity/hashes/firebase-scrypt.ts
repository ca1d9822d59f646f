import { createCipheriv } from "node:crypto";
import { scryptKey, scryptMaxmem } from "./scrypt";
import { decodeBase64, equalBytes, readParams, type HashFormat } from "./types";

/**
 * Firebase's modified scrypt, in Kratos' format:
 * `$firescrypt$ln=<mem_cost>,r=<rounds>,p=<parallelization>$<salt>$<hash>$<salt_separator>$<signer_key>`.
 * key = scrypt(password, salt‖separator, N=2^mem_cost, r, p, 32); hash = AES-256-CTR(key, iv=0)(signer_key).
 */
export const firebaseScryptFormat: HashFormat = {
  name: "firebase-scrypt",
  matches: (hash) => hash.startsWith("$firescrypt$"),
  async verify(password, hash) {
    const [, , params, saltText, hashText, separatorText, signerText, extra] = hash.split("$");
    const p = readParams(params, ["ln", "r", "p"]);
    const salt = decodeBase64(saltText, true);
    const expected = decodeBase64(hashText, true);
    const separator = decodeBase64(separatorText, true);
    const signerKey = decodeBase64(signerText, true);
    if (extra !== undefined || !p || !salt || !expected || !separator || !signerKey) return false;
    if (p.ln! < 1 || p.ln! > 20 || p.r! < 1 || p.r! > 32 || p.p! < 1 || p.p! > 16) return false;
    const N = 2 ** p.ln!;
    try {
      const key = await scryptKey(password, Buffer.concat([salt, separator]), 32, { N, r: p.r!, p: p.p!, maxmem: scryptMaxmem(N, p.r!) });
      const cipher = createCipheriv("aes-256-ctr", key, Buffer.alloc(16));
      const candidate = Buffer.concat([cipher.update(signerKey), cipher.final()]);
      return equalBytes(candidate, expected);
    } catch {
      return false;
    }
  },
};
