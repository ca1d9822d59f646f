import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * The bundled breached-password list: the 49,233 most common passwords from breach corpora, as shipped by
 * zxcvbn (MIT, © Dropbox and @zxcvbn-ts; `@zxcvbn-ts/language-common@4.1.3`), lower-cased and sorted.
 * Checked offline; the optional range API (range-api.ts) covers the long tail.
 */
const FILE = path.join(process.cwd(), "lib", "identity", "password", "data", "common-passwords.txt.gz");

let list: Set<string> | undefined;

function load(): Set<string> {
  const text = gunzipSync(readFileSync(/*turbopackIgnore: true*/ FILE)).toString("utf8");
  return new Set(text.split("\n").filter(Boolean));
}

/** True when the password (case-insensitively) is on the bundled list. */
export function isCommonPassword(password: string): boolean {
  list ??= load();
  return list.has(password.toLowerCase());
}

export function commonPasswordCount(): number {
  list ??= load();
  return list.size;
}
