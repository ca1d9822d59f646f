import { randomInt } from "node:crypto";
import { crc32 } from "node:zlib";

/**
 * The secret format, GitHub's token format applied to our keys: a recognisable prefix, a base62 body of
 * 40 random characters (≈238 bits), and the CRC32 of prefix + body as 6 base62 characters. Secret scanners
 * find keys by the prefix and drop false positives by the checksum without asking us; verification refuses
 * a malformed key (wrong checksum included) before any database work.
 */
export const SECRET_KEY_PREFIX = "pc_sk_";
/** KEY_VISIBILITY_PUBLIC: client-safe keys, shown with a different prefix so nobody mistakes one for the other. */
export const PUBLIC_KEY_PREFIX = "pc_pk_";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 40;
const CHECKSUM_LENGTH = 6;
const SHAPE = /^pc_[sp]k_[0-9A-Za-z]{46}$/;

export type Visibility = "KEY_VISIBILITY_SECRET" | "KEY_VISIBILITY_PUBLIC";

function base62(value: number, length: number): string {
  let out = "";
  for (let rest = value; out.length < length; rest = Math.floor(rest / 62)) out = ALPHABET[rest % 62] + out;
  return out;
}

const checksum = (text: string) => base62(crc32(text), CHECKSUM_LENGTH);

/** A fresh secret: prefix, random base62 body, checksum. */
export function generateSecret(visibility: Visibility): string {
  const prefix = visibility === "KEY_VISIBILITY_PUBLIC" ? PUBLIC_KEY_PREFIX : SECRET_KEY_PREFIX;
  let body = "";
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[randomInt(62)];
  return prefix + body + checksum(prefix + body);
}

/** True when the text has our issued-key shape (prefix, length, alphabet); the checksum is checked separately. */
export const looksIssued = (credential: string) => credential.startsWith("pc_sk_") || credential.startsWith("pc_pk_");

/** True for a well-formed issued secret whose checksum matches. */
export function isWellFormedSecret(credential: string): boolean {
  if (!SHAPE.test(credential)) return false;
  const cut = credential.length - CHECKSUM_LENGTH;
  return checksum(credential.slice(0, cut)) === credential.slice(cut);
}

/** What is stored and shown to recognise a key: the prefix and the first 4 characters of the body. */
export const displayPrefix = (secret: string) => secret.slice(0, Math.min(secret.length, 10));
