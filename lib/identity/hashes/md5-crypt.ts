import { createHash } from "node:crypto";
import { equalBytes, type HashFormat } from "./types";

const ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function to64(value: number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++, value >>= 6) out += ITOA64[value & 0x3f];
  return out;
}

/** Poul-Henning Kamp's FreeBSD MD5-crypt (`$1$salt$hash`), 1000 rounds, as in glibc's crypt(3). */
export function md5Crypt(password: string, salt: string): string {
  const pw = Buffer.from(password);
  const s = Buffer.from(salt.slice(0, 8));
  const alternate = createHash("md5").update(pw).update(s).update(pw).digest();
  const ctx = createHash("md5").update(pw).update("$1$").update(s);
  for (let left = pw.length; left > 0; left -= 16) ctx.update(alternate.subarray(0, Math.min(16, left)));
  for (let bits = pw.length; bits > 0; bits >>= 1) ctx.update(bits & 1 ? Buffer.from([0]) : pw.subarray(0, 1));
  let digest = ctx.digest();
  for (let round = 0; round < 1000; round++) {
    const step = createHash("md5");
    step.update(round & 1 ? pw : digest);
    if (round % 3) step.update(s);
    if (round % 7) step.update(pw);
    step.update(round & 1 ? digest : pw);
    digest = step.digest();
  }
  const d = digest;
  const encoded =
    to64((d[0]! << 16) | (d[6]! << 8) | d[12]!, 4) +
    to64((d[1]! << 16) | (d[7]! << 8) | d[13]!, 4) +
    to64((d[2]! << 16) | (d[8]! << 8) | d[14]!, 4) +
    to64((d[3]! << 16) | (d[9]! << 8) | d[15]!, 4) +
    to64((d[4]! << 16) | (d[10]! << 8) | d[5]!, 4) +
    to64(d[11]!, 2);
  return `$1$${s.toString()}$${encoded}`;
}

const MD5_CRYPT = /^\$1\$([^$]{0,8})\$([./0-9A-Za-z]{22})$/;
const normalize = (hash: string) => hash.replace(/^\$md5-crypt\$/, "$1$");

/** MD5-crypt as `$1$salt$hash` or in Kratos' spelling `$md5-crypt$salt$hash`. */
export const md5CryptFormat: HashFormat = {
  name: "md5-crypt",
  matches: (hash) => hash.startsWith("$1$") || hash.startsWith("$md5-crypt$"),
  wellFormed: (hash) => MD5_CRYPT.test(normalize(hash)),
  async verify(password, hash) {
    const normalized = normalize(hash);
    const match = MD5_CRYPT.exec(normalized);
    if (!match) return false;
    return equalBytes(Buffer.from(md5Crypt(password, match[1]!)), Buffer.from(normalized));
  },
};
