import { createHmac } from "node:crypto";
import { createHMAC, createMD4 } from "hash-wasm";
import { decodeBase64, equalBytes, type HashFormat } from "./types";

const ALGORITHMS = new Set(["md4", "md5", "sha1", "sha224", "sha256", "sha384", "sha512"]);

/** Kratos' `decodeHMACHash`: four parts, hash and key in strict padded base64. */
function parseHmac(hash: string) {
  const [, kind, hashText, keyText, extra] = hash.split("$");
  const algorithm = kind?.slice("hmac-".length) ?? "";
  const expected = decodeBase64(hashText, true);
  const key = decodeBase64(keyText, true);
  if (extra !== undefined || !ALGORITHMS.has(algorithm) || !expected || !key) return undefined;
  return { algorithm, expected, key };
}

/**
 * HMAC-MD4 from hash-wasm (maintained, MIT, no native code): OpenSSL 3 moved MD4 to its legacy provider, which
 * Node does not load, so `createHmac("md4")` throws "unsupported".
 */
async function hmacMd4Hex(key: Buffer, password: string): Promise<string> {
  const mac = await createHMAC(createMD4(), key);
  mac.init();
  mac.update(password);
  return mac.digest("hex");
}

/** Kratos' HMAC format: `$hmac-<digest>$<base64(hex(hmac))>$<base64(key)>`, digests md4, md5, sha1 and SHA-2. */
export const hmacFormat: HashFormat = {
  name: "hmac",
  matches: (hash) => /^\$hmac-(md4|md5|sha1|sha224|sha256|sha384|sha512)\$/.test(hash),
  wellFormed: (hash) => parseHmac(hash) !== undefined,
  async verify(password, hash) {
    const parsed = parseHmac(hash);
    if (!parsed) return false;
    const { algorithm, expected, key } = parsed;
    const hex = algorithm === "md4" ? await hmacMd4Hex(key, password) : createHmac(algorithm, key).update(password).digest("hex");
    return equalBytes(Buffer.from(hex), expected);
  },
};
