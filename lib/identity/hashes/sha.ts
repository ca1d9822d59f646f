import { createHash } from "node:crypto";
import { applySaltFormat } from "./md5";
import { decodeBase64, equalBytes, type HashFormat } from "./types";

/** Kratos' `decodeSHAHash`: five parts, the salting format, salt and hash in strict padded base64. */
function parseSha(hash: string) {
  const [, algorithm, pf, saltText, hashText, extra] = hash.split("$");
  if (extra !== undefined || !pf?.startsWith("pf=") || !/^sha(1|256|512)$/.test(algorithm ?? "")) return undefined;
  const format = decodeBase64(pf.slice(3), true);
  const salt = decodeBase64(saltText, true);
  const expected = decodeBase64(hashText, true);
  if (!format || !salt || !expected) return undefined;
  return { algorithm: algorithm!, format: format.toString("utf8"), salt: salt.toString("utf8"), expected };
}

/** Kratos' salted SHA format: `$sha1|sha256|sha512$pf=<base64 salting format>$<salt>$<hash>` (standard base64). */
export const shaFormat: HashFormat = {
  name: "sha",
  matches: (hash) => /^\$sha(1|256|512)\$/.test(hash),
  wellFormed: (hash) => parseSha(hash) !== undefined,
  async verify(password, hash) {
    const parsed = parseSha(hash);
    if (!parsed) return false;
    const input = applySaltFormat(parsed.format, parsed.salt, password);
    return equalBytes(createHash(parsed.algorithm).update(input).digest(), parsed.expected);
  },
};
