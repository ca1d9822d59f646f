import { pbkdf2 } from "node:crypto";
import { promisify } from "node:util";
import { decodeBase64, equalBytes, readParams, type HashFormat } from "./types";

const derive = promisify(pbkdf2);
const DIGESTS: Record<string, string> = { sha1: "sha1", sha224: "sha224", sha256: "sha256", sha384: "sha384", sha512: "sha512" };

/** Kratos' PBKDF2 format: `$pbkdf2-<digest>$i=<iterations>,l=<length>$<salt>$<hash>` (raw standard base64). */
export const pbkdf2Format: HashFormat = {
  name: "pbkdf2",
  matches: (hash) => /^\$pbkdf2-sha[0-9]{1,3}\$/.test(hash),
  async verify(password, hash) {
    const [, algorithm, params, saltText, keyText, extra] = hash.split("$");
    const digest = DIGESTS[algorithm?.slice("pbkdf2-".length) ?? ""];
    const p = readParams(params, ["i", "l"]);
    const salt = decodeBase64(saltText, false);
    const key = decodeBase64(keyText, false);
    if (extra !== undefined || !digest || !p || !salt || !key || p.i! < 1 || p.i! > 10_000_000) return false;
    const candidate = await derive(password, salt, p.i!, key.length, digest);
    return equalBytes(candidate, key);
  },
};
