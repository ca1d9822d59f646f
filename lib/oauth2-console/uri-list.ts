import { z } from "zod";

/** A textarea of URIs, one per line (or separated by spaces): trimmed, blank lines dropped, duplicates removed. */
export function splitList(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).map((entry) => entry.trim()).filter(Boolean))];
}

/** RFC 6749 §3.1.2: an absolute URI without a fragment; script-capable schemes are refused. */
export function isRedirectUri(value: string): boolean {
  if (value.includes("#")) return false;
  try {
    const url = new URL(value);
    return !/^(javascript|data|vbscript|file|blob):$/i.test(url.protocol);
  } catch {
    return false;
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** RFC 8252 §7.1 and §7.3: a native app redirects to a private-use scheme or to an http loopback address. */
export function isNativeRedirectUri(value: string): boolean {
  if (!isRedirectUri(value)) return false;
  const url = new URL(value);
  if (url.protocol === "http:") return ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname);
  return url.protocol !== "https:";
}

export const uriListField = z
  .string()
  .max(20_000, "tooLong")
  .transform(splitList)
  .refine((list) => list.length <= 100, "tooMany")
  .refine((list) => list.every(isRedirectUri), "redirectUri");

export const optionalHttpUrl = z
  .string()
  .trim()
  .max(2048, "tooLong")
  .refine((value) => value === "" || isHttpUrl(value), "httpUrl");
