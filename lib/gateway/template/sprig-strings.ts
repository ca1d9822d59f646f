import { RE2JS } from "re2js";
import { TemplateError } from "./errors";
import { formatValue } from "./values";

/**
 * sprig's string functions (https://masterminds.github.io/sprig/strings.html), with sprig's argument order (the
 * string last, so they pipe). Regular expressions run on RE2JS (linear time, like Go's regexp) and every result is
 * bounded, so no template can allocate without limit.
 */
type Fn = (...args: unknown[]) => unknown;

const MAX_STRING = 64 * 1024;
const MAX_PATTERN = 512;
const str = (value: unknown) => formatValue(value);

export function bounded(value: string): string {
  if (value.length > MAX_STRING) throw new TemplateError(`a template function produced more than ${MAX_STRING} characters`);
  return value;
}

export function integer(value: unknown, what: string): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) throw new TemplateError(`${what} must be a number`);
  return Math.trunc(n);
}

const patterns = new Map<string, RE2JS>();
function regexp(pattern: unknown): RE2JS {
  const source = str(pattern);
  const cached = patterns.get(source);
  if (cached) return cached;
  if (source.length > MAX_PATTERN) throw new TemplateError(`regular expression longer than ${MAX_PATTERN} characters`);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    throw new TemplateError(`invalid regular expression: ${(error as Error).message}`);
  }
  if (patterns.size >= 256) patterns.clear();
  patterns.set(source, compiled);
  return compiled;
}

const words = (value: unknown) =>
  str(value)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);

const escapeLiteral = (value: string) => value.replace(/\$/g, "$$$$");

export const SPRIG_STRINGS: Record<string, Fn> = {
  trimAll: (cutset, value) => {
    const chars = new Set(str(cutset));
    const s = str(value);
    let start = 0;
    let end = s.length;
    while (start < end && chars.has(s[start])) start++;
    while (end > start && chars.has(s[end - 1])) end--;
    return s.slice(start, end);
  },
  trimPrefix: (prefix, value) => (str(value).startsWith(str(prefix)) ? str(value).slice(str(prefix).length) : str(value)),
  trimSuffix: (suffix, value) =>
    str(suffix) && str(value).endsWith(str(suffix)) ? str(value).slice(0, -str(suffix).length) : str(value),
  title: (value) => str(value).replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
  untitle: (value) => str(value).replace(/(^|\s)(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLowerCase()),
  swapcase: (value) => [...str(value)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(""),
  repeat: (count, value) => {
    const n = integer(count, "repeat count");
    if (n < 0) throw new TemplateError("repeat count must not be negative");
    if (n * str(value).length > MAX_STRING) throw new TemplateError(`a template function produced more than ${MAX_STRING} characters`);
    return str(value).repeat(n);
  },
  substr: (start, end, value) => {
    const s = str(value);
    const from = integer(start, "substr start");
    const to = integer(end, "substr end");
    return s.slice(Math.max(0, from), to < 0 || to > s.length ? s.length : to);
  },
  trunc: (length, value) => {
    const n = integer(length, "trunc length");
    const s = str(value);
    return n >= 0 ? s.slice(0, n) : s.slice(Math.max(0, s.length + n));
  },
  abbrev: (width, value) => {
    const n = integer(width, "abbrev width");
    const s = str(value);
    return n < 4 || s.length <= n ? s : `${s.slice(0, n - 3)}...`;
  },
  nospace: (value) => str(value).replace(/\s+/g, ""),
  initials: (value) => str(value).split(/\s+/).filter(Boolean).map((w) => w[0]).join(""),
  indent: (spaces, value) => bounded(str(value).split("\n").map((line) => " ".repeat(Math.min(integer(spaces, "indent"), 256)) + line).join("\n")),
  nindent: (spaces, value) => bounded("\n" + str(value).split("\n").map((line) => " ".repeat(Math.min(integer(spaces, "nindent"), 256)) + line).join("\n")),
  squote: (...args) => args.map((a) => `'${str(a)}'`).join(" "),
  cat: (...args) => args.filter((a) => a !== undefined && a !== null).map(str).join(" "),
  snakecase: (value) => words(value).map((w) => w.toLowerCase()).join("_"),
  kebabcase: (value) => words(value).map((w) => w.toLowerCase()).join("-"),
  camelcase: (value) => words(value).map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join(""),
  splitList: (separator, value) => str(value).split(str(separator)),
  regexMatch: (pattern, value) => regexp(pattern).matcher(str(value)).find(),
  regexFind: (pattern, value) => {
    const m = regexp(pattern).matcher(str(value));
    return m.find() ? (m.group() ?? "") : "";
  },
  regexFindAll: (pattern, value, limit) => {
    const m = regexp(pattern).matcher(str(value));
    const max = integer(limit, "regexFindAll limit");
    const found: string[] = [];
    while ((max < 0 || found.length < max) && found.length < 1024 && m.find()) found.push(m.group() ?? "");
    return found;
  },
  regexReplaceAll: (pattern, value, replacement) => bounded(regexp(pattern).matcher(str(value)).replaceAll(str(replacement))),
  regexReplaceAllLiteral: (pattern, value, replacement) => bounded(regexp(pattern).matcher(str(value)).replaceAll(escapeLiteral(str(replacement)))),
  regexSplit: (pattern, value, limit) => regexp(pattern).split(str(value), integer(limit, "regexSplit limit")),
};
