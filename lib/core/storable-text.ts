import { z } from "zod";

/**
 * Text PostgreSQL can store. `text` columns refuse NUL (U+0000: "invalid byte sequence for encoding UTF8: 0x00");
 * `jsonb` refuses `\u0000` and lone UTF-16 surrogates (`\ud800` without its pair), which JSON.stringify writes as
 * escapes. Every string that may reach the database from outside is checked against this once, at the boundary.
 */

// One precompiled scan; the precise surrogate-pair check runs only when it hits (a well-formed pair also hits).
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const SUSPECT = /[\u0000\ud800-\udfff]/;

/** True when PostgreSQL can store the string in `text` and `jsonb`. */
export function isStorableText(value: string): boolean {
  if (!SUSPECT.test(value)) return true;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit === 0) return false;
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit > 0xdbff) return false; // a low surrogate without its high one
    const next = value.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false; // a high surrogate without its low one
    i++;
  }
  return true;
}

/** The string with NUL and lone surrogates replaced by U+FFFD: for records that must never fail (audit, logs). */
export function sanitizeText(value: string): string {
  if (isStorableText(value)) return value;
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const paired = unit >= 0xd800 && unit <= 0xdbff && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (paired) {
      out += value[i]! + value[i + 1]!;
      i++;
    } else out += unit === 0 || (unit >= 0xd800 && unit <= 0xdfff) ? "\ufffd" : value[i]!;
  }
  return out;
}

/** A JSON value with every string (keys too) sanitized; deeper than `maxDepth` is cut off as null. */
export function sanitizeJson(value: unknown, maxDepth = 64): unknown {
  if (typeof value === "string") return sanitizeText(value);
  if (!value || typeof value !== "object") return value;
  if (maxDepth <= 0) return null;
  if (Array.isArray(value)) return value.map((item) => sanitizeJson(item, maxDepth - 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[sanitizeText(key)] = sanitizeJson(item, maxDepth - 1);
  return out;
}

/** Ory's and our bound on JSON nesting: deep enough for any traits or metadata, far from a stack overflow. */
export const MAX_JSON_DEPTH = 64;

export type JsonDefect = { kind: "depth"; path: string } | { kind: "text"; path: string };

interface Frame {
  value: unknown;
  depth: number;
  parent?: Frame;
  key?: string;
}

// Built only for the answer: paths of every node would cost more than the walk itself.
function pointer(frame: Frame, last?: string): string {
  const keys = last === undefined ? [] : [last];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) keys.push(f.key);
  return keys.reverse().map((key) => `/${sanitizeText(key).replace(/~/g, "~0").replace(/\//g, "~1")}`).join(""); // RFC 6901 §3
}

/**
 * The first part of a parsed JSON value PostgreSQL cannot store, or that nests deeper than `maxDepth`, as a JSON
 * Pointer. Iterative (an explicit stack), so a hostile document cannot overflow the call stack. `checkText: false`
 * only bounds the depth (the caller knows no escape sequence could have produced a bad string).
 */
export function findJsonDefect(root: unknown, options: { maxDepth?: number; checkText?: boolean } = {}): JsonDefect | undefined {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const checkText = options.checkText ?? true;
  const stack: Frame[] = [{ value: root, depth: 0 }];
  while (stack.length) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (typeof value === "string") {
      if (checkText && !isStorableText(value)) return { kind: "text", path: pointer(frame) };
      continue;
    }
    if (!value || typeof value !== "object") continue;
    if (depth >= maxDepth) return { kind: "depth", path: pointer(frame) };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: depth + 1, parent: frame, key: String(i) });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (checkText && !isStorableText(key)) return { kind: "text", path: pointer(frame, key) };
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

const UNSTORABLE_MESSAGE = "must not contain NUL characters or unpaired UTF-16 surrogates";

/** A zod string that PostgreSQL can store: for every edge that is not a machine API body (server actions, pages). */
export const storableString = () => z.string().refine(isStorableText, { message: `The text ${UNSTORABLE_MESSAGE}.` });
export { UNSTORABLE_MESSAGE };
