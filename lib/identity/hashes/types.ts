import { timingSafeEqual } from "node:crypto";

/** One imported password hash format (Kratos' `hash/hash_comparator.go` lists the formats it accepts). */
export interface HashFormat {
  name: string;
  matches(hash: string): boolean;
  /** Whether the hash decodes as Kratos decodes it (refused at import when not: nobody could sign in with it). */
  wellFormed(hash: string): boolean;
  /** True when the password matches; malformed hashes are simply "no match". */
  verify(password: string, hash: string): Promise<boolean>;
}

/** Constant-time byte comparison; different lengths never match. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/**
 * Standard base64, padded or raw (unpadded); undefined when the text is not base64 of that kind. Strict, as Go's
 * `base64.StdEncoding.Strict()` / `RawStdEncoding.Strict()` that Kratos decodes hash parts with: the unused low bits
 * of the last character must be zero, so one hash has exactly one spelling (`…NYE=` is valid, `…NYF=` is not).
 * `strict: false` is Kratos' plain `StdEncoding` (its SSHA decoder), which ignores those bits.
 */
export function decodeBase64(text: string | undefined, padded: boolean, strict = true): Buffer | undefined {
  if (text === undefined) return undefined;
  const pattern = padded ? /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/ : /^[A-Za-z0-9+/]*$/;
  if (!pattern.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  if (strict) {
    const canonical = bytes.toString("base64");
    if ((padded ? canonical : canonical.replace(/=+$/, "")) !== text) return undefined;
  }
  return bytes;
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
