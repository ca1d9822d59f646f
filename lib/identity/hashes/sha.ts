import { createHash } from "node:crypto";
import { applySaltFormat } from "./md5";
import { decodeBase64, equalBytes, type HashFormat } from "./types";

/** Kratos' salted SHA format: `$sha1|sha256|sha512$pf=<base64 salting format>$<salt>$<hash>` (standard base64). */
export const shaFormat: HashFormat = {
  name: "sha",
  matches: (hash) => /^\$sha(1|256|512)\$/.test(hash),
  async verify(password, hash) {
    const [, algorithm, pf, saltText, hashText, extra] = hash.split("$");
    if (extra !== undefined || !pf?.startsWith("pf=")) return false;
    const format = decodeBase64(pf.slice(3), true);
    const salt = decodeBase64(saltText, true);
    const expected = decodeBase64(hashText, true);
    if (!algorithm || !format || !salt || !expected) return false;
    const input = applySaltFormat(format.toString("utf8"), salt.toString("utf8"), password);
    return equalBytes(createHash(algorithm).update(input).digest(), expected);
  },
};
