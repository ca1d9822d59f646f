import { pbkdf2 } from "node:crypto";
import { promisify } from "node:util";
import { decodeBase64, equalBytes, readParams, type HashFormat } from "./types";

const derive = promisify(pbkdf2);

/**
 * Kratos' `getPseudorandomFunctionForPbkdf2` (hash/hash_pbkdf2.go): `sha224` and `sha384` are SHA3-224 and SHA3-384
 * (golang.org/x/crypto/sha3), not SHA-2; any other `sha<digits>` the prefix admits falls back to SHA-256.
 */
const DIGESTS: Record<string, string> = { sha1: "sha1", sha224: "sha3-224", sha256: "sha256", sha384: "sha3-384", sha512: "sha512" };
const digestOf = (algorithm: string) => DIGESTS[algorithm] ?? "sha256";

/** Kratos' `decodePbkdf2Hash`: salt and key in strict unpadded base64; `l` is read but the key's own length counts. */
function parsePbkdf2(hash: string) {
  const [, kind, params, saltText, keyText, extra] = hash.split("$");
  const algorithm = /^pbkdf2-(sha\d{1,3})$/.exec(kind ?? "")?.[1];
  const p = readParams(params, ["i", "l"]);
  const salt = decodeBase64(saltText, false);
  const key = decodeBase64(keyText, false);
  if (extra !== undefined || !algorithm || !p || !salt || !key?.length || p.i! < 1 || p.i! > 10_000_000) return undefined;
  return { digest: digestOf(algorithm), iterations: p.i!, salt, key };
}

/** Kratos' PBKDF2 format: `$pbkdf2-<digest>$i=<iterations>,l=<length>$<salt>$<hash>` (raw standard base64). */
export const pbkdf2Format: HashFormat = {
  name: "pbkdf2",
  matches: (hash) => /^\$pbkdf2-sha[0-9]{1,3}\$/.test(hash),
  wellFormed: (hash) => parsePbkdf2(hash) !== undefined,
  async verify(password, hash) {
    const parsed = parsePbkdf2(hash);
    if (!parsed) return false;
    const candidate = await derive(password, parsed.salt, parsed.iterations, parsed.key.length, parsed.digest);
    return equalBytes(candidate, parsed.key);
  },
};
