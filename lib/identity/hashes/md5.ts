import { createHash } from "node:crypto";
import { decodeBase64, equalBytes, type HashFormat } from "./types";

/** Fills Kratos' salting format (`pf`), e.g. `{SALT}{PASSWORD}`. */
export const applySaltFormat = (format: string, salt: string, password: string): string =>
  format.replaceAll("{SALT}", salt).replaceAll("{PASSWORD}", password);

/** Kratos' `decodeMD5Hash`: `$md5$<hash>` or `$md5$pf=…$<salt>$<hash>`, every part in strict padded base64. */
function parseMd5(hash: string): { expected: Buffer; salting?: { format: string; salt: string } } | undefined {
  const parts = hash.split("$");
  if (parts.length === 3) {
    const expected = decodeBase64(parts[2], true);
    return expected ? { expected } : undefined;
  }
  if (parts.length !== 5 || !parts[2]?.startsWith("pf=")) return undefined;
  const format = decodeBase64(parts[2].slice(3), true);
  const salt = decodeBase64(parts[3], true);
  const expected = decodeBase64(parts[4], true);
  if (!format || !salt || !expected) return undefined;
  return { expected, salting: { format: format.toString("utf8"), salt: salt.toString("utf8") } };
}

/** Kratos' MD5 formats: `$md5$<hash>` and `$md5$pf=<base64 salting format>$<salt>$<hash>` (standard base64). */
export const md5Format: HashFormat = {
  name: "md5",
  matches: (hash) => hash.startsWith("$md5$"),
  wellFormed: (hash) => parseMd5(hash) !== undefined,
  async verify(password, hash) {
    const parsed = parseMd5(hash);
    if (!parsed) return false;
    const input = parsed.salting ? applySaltFormat(parsed.salting.format, parsed.salting.salt, password) : password;
    return equalBytes(createHash("md5").update(input).digest(), parsed.expected);
  },
};
