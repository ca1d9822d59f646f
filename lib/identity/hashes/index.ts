import { argon2Format } from "./argon2";
import { bcryptFormat } from "./bcrypt";
import { firebaseScryptFormat } from "./firebase-scrypt";
import { hmacFormat } from "./hmac";
import { md5Format } from "./md5";
import { md5CryptFormat } from "./md5-crypt";
import { pbkdf2Format } from "./pbkdf2";
import { scryptFormat } from "./scrypt";
import { shaFormat } from "./sha";
import { shaCryptFormat } from "./sha-crypt";
import { sshaFormat } from "./ssha";
import type { HashFormat } from "./types";

export type { HashFormat } from "./types";
export { argon2idHasParameters, canonicalArgon2 } from "./argon2";

/** Every password hash format Kratos imports, checked in this order (prefixes do not overlap). */
export const hashFormats: HashFormat[] = [
  argon2Format, bcryptFormat, pbkdf2Format, scryptFormat, firebaseScryptFormat, md5CryptFormat,
  shaCryptFormat, sshaFormat, shaFormat, md5Format, hmacFormat,
];

export function hashFormatOf(hash: string): HashFormat | undefined {
  return hashFormats.find((format) => format.matches(hash));
}

/** Why an imported `hashed_password` could never verify (unknown format, or a part Kratos would not decode); undefined when it can. */
export function hashProblem(hash: string): string | undefined {
  const format = hashFormatOf(hash);
  if (!format) return "The hashed password is in an unknown or unsupported format.";
  if (!format.wellFormed(hash)) return `The hashed password is not a well-formed ${format.name} hash (its parameters or its strict base64 parts do not decode).`;
  return undefined;
}

/** Whether an imported `hashed_password` is in a format we can verify (used to reject imports early). */
export const isSupportedHash = (hash: string): boolean => hashProblem(hash) === undefined;

/** Verifies a password against a hash of any supported format; unknown formats never match. */
export async function verifyHash(password: string, hash: string): Promise<boolean> {
  const format = hashFormatOf(hash);
  return format ? format.verify(password, hash) : false;
}
