import { createHmac } from "node:crypto";
import { decodeBase64, equalBytes, type HashFormat } from "./types";

const ALGORITHMS = new Set(["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]);

/**
 * Kratos' HMAC format: `$hmac-<digest>$<base64(hex(hmac))>$<base64(key)>`. (Kratos also accepts md4, which
 * OpenSSL 3 no longer offers by default; such hashes never match here.)
 */
export const hmacFormat: HashFormat = {
  name: "hmac",
  matches: (hash) => /^\$hmac-(md4|md5|sha1|sha224|sha256|sha384|sha512)\$/.test(hash),
  async verify(password, hash) {
    const [, kind, hashText, keyText, extra] = hash.split("$");
    const algorithm = kind?.slice("hmac-".length) ?? "";
    const expected = decodeBase64(hashText, true);
    const key = decodeBase64(keyText, true);
    if (extra !== undefined || !ALGORITHMS.has(algorithm) || !expected || !key) return false;
    const candidate = Buffer.from(createHmac(algorithm, key).update(password).digest("hex"));
    return equalBytes(candidate, expected);
  },
};
