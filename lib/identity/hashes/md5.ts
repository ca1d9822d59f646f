import { createHash } from "node:crypto";
import { decodeBase64, equalBytes, type HashFormat } from "./types";

/** Fills Kratos' salting format (`pf`), e.g. `{SALT}{PASSWORD}`. */
export const applySaltFormat = (format: string, salt: string, password: string): string =>
  format.replaceAll("{SALT}", salt).replaceAll("{PASSWORD}", password);

/** Kratos' MD5 formats: `$md5$<hash>` and `$md5$pf=<base64 salting format>$<salt>$<hash>` (standard base64). */
export const md5Format: HashFormat = {
  name: "md5",
  matches: (hash) => hash.startsWith("$md5$"),
  async verify(password, hash) {
    const parts = hash.split("$");
    let input = password;
    let expected: Buffer | undefined;
    if (parts.length === 3) {
      expected = decodeBase64(parts[2], true);
    } else if (parts.length === 5 && parts[2]?.startsWith("pf=")) {
      const format = decodeBase64(parts[2].slice(3), true);
      const salt = decodeBase64(parts[3], true);
      expected = decodeBase64(parts[4], true);
      if (!format || !salt) return false;
      input = applySaltFormat(format.toString("utf8"), salt.toString("utf8"), password);
    }
    if (!expected) return false;
    return equalBytes(createHash("md5").update(input).digest(), expected);
  },
};
