import { scrypt, type ScryptOptions } from "node:crypto";
import { decodeBase64, equalBytes, readParams, type HashFormat } from "./types";

export function scryptKey(password: string | Buffer, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Enough memory for N·r·128 bytes (plus slack): node's default maxmem (32 MiB) rejects common parameters. */
export const scryptMaxmem = (N: number, r: number) => 128 * N * r * 2 + 1024 * 1024;

interface ScryptHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** Kratos' `decodeScryptHash`: salt and key in strict padded base64; N a power of two (scrypt.Key refuses others). */
function parseScrypt(hash: string): ScryptHash | undefined {
  const [, , params, saltText, keyText, extra] = hash.split("$");
  const p = readParams(params, ["ln", "r", "p"]);
  const salt = decodeBase64(saltText, true);
  const key = decodeBase64(keyText, true);
  if (extra !== undefined || !p || !salt || !key?.length) return undefined;
  const N = p.ln!;
  if (N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0 || p.r! < 1 || p.r! > 32 || p.p! < 1 || p.p! > 16) return undefined;
  return { N, r: p.r!, p: p.p!, salt, key };
}

/**
 * Kratos' scrypt format: `$scrypt$ln=<N>,r=<r>,p=<p>$<salt>$<hash>` (standard base64). Note that Kratos reads
 * `ln` as the cost N itself (e.g. `ln=16384`), not as its logarithm.
 */
export const scryptFormat: HashFormat = {
  name: "scrypt",
  matches: (hash) => hash.startsWith("$scrypt$"),
  wellFormed: (hash) => parseScrypt(hash) !== undefined,
  async verify(password, hash) {
    const parsed = parseScrypt(hash);
    if (!parsed) return false;
    const { N, r, p, salt, key } = parsed;
    try {
      const candidate = await scryptKey(password, salt, key.length, { N, r, p, maxmem: scryptMaxmem(N, r) });
      return equalBytes(candidate, key);
    } catch {
      return false;
    }
  },
};
