import { timingSafeEqual } from "node:crypto";

/** One imported password hash format (Kratos' `hash/hash_comparator.go` lists the formats it accepts). */
export interface HashFormat {
  name: string;
  matches(hash: string): boolean;
  /** True when the password matches; malformed hashes are simply "no match". */
  verify(password: string, hash: string): Promise<boolean>;
}

/** Constant-time byte comparison; different lengths never match. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/** Strict base64 (padded) or raw (unpadded) decoding; undefined when the text is not base64 of that kind. */
export function decodeBase64(text: string | undefined, padded: boolean): Buffer | undefined {
  if (text === undefined) return undefined;
  const pattern = padded ? /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/ : /^[A-Za-z0-9+/]*$/;
  if (!pattern.test(text)) return undefined;
  return Buffer.from(text, "base64");
}

/** Reads `key=value,…` parameter lists such as `ln=16384,r=8,p=1`. */
export function readParams(text: string | undefined, keys: string[]): Record<string, number> | undefined {
  if (!text) return undefined;
  const values: Record<string, number> = {};
  for (const part of text.split(",")) {
    const [key, value] = part.split("=");
    if (!key || value === undefined || !/^\d+$/.test(value)) return undefined;
    values[key] = Number(value);
  }
  return keys.every((k) => Number.isSafeInteger(values[k])) ? values : undefined;
}
