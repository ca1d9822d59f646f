import { TemplateError } from "./errors";
import { SPRIG_LISTS } from "./sprig-lists";
import { SPRIG_MISC } from "./sprig-misc";
import { SPRIG_STRINGS } from "./sprig-strings";
import { formatValue, isPlainObject, truthy, ValueBag } from "./values";

/**
 * The template functions: Oathkeeper's own (`print`, `printIndex`), Go's builtins that are safe, and sprig's
 * common string, list, dict, default, encoding and math helpers (sprig-*.ts). All are pure; none reaches outside
 * its arguments.
 */
type Fn = (...args: unknown[]) => unknown;

const str = (value: unknown) => formatValue(value);

function indexOf(collection: unknown, key: unknown): unknown {
  if (Array.isArray(collection)) {
    if (typeof key !== "number" || !Number.isInteger(key)) throw new TemplateError("index of a list must be an integer");
    return collection[key];
  }
  if (isPlainObject(collection) && typeof key === "string") return Object.hasOwn(collection, key) ? collection[key] : undefined;
  if (collection instanceof ValueBag && typeof key === "string") return collection.get(key);
  if (collection === undefined || collection === null) return undefined;
  throw new TemplateError("can't index this value");
}

function length(value: unknown): number {
  if (typeof value === "string" || Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  if (value === undefined || value === null) return 0;
  throw new TemplateError("len of a value without length");
}

const equal = (a: unknown, b: unknown) => a === b || (a == null && b == null);

export const FUNCTIONS: Record<string, Fn> = {
  ...SPRIG_STRINGS,
  ...SPRIG_LISTS,
  ...SPRIG_MISC,
  // Oathkeeper: print of nil is "", printIndex of an out-of-range index is "".
  print: (...args) => args.map(str).join(""),
  printIndex: (list, i) => (Array.isArray(list) && typeof i === "number" && i >= 0 && i < list.length ? str(list[i]) : ""),
  index: (collection, ...keys) => keys.reduce((value: unknown, key: unknown) => indexOf(value, key), collection),
  len: length,
  not: (value) => !truthy(value),
  and: (...args) => args.find((a) => !truthy(a)) ?? args[args.length - 1],
  or: (...args) => args.find((a) => truthy(a)) ?? args[args.length - 1],
  eq: (a, ...others) => others.some((b) => equal(a, b)),
  ne: (a, b) => !equal(a, b),
  // sprig
  default: (fallback, value) => (truthy(value) ? value : fallback),
  empty: (value) => !truthy(value),
  lower: (value) => str(value).toLowerCase(),
  upper: (value) => str(value).toUpperCase(),
  trim: (value) => str(value).trim(),
  toString: (value: unknown) => str(value),
  toJson: (value) => JSON.stringify(value ?? null),
  quote: (...args) => args.map((a) => JSON.stringify(str(a))).join(" "),
  join: (separator, list) => (Array.isArray(list) ? list.map(str).join(str(separator)) : str(list)),
  split: (separator, value) => str(value).split(str(separator)),
  replace: (from, to, value) => str(value).split(str(from)).join(str(to)),
  contains: (needle, haystack) => str(haystack).includes(str(needle)),
  hasPrefix: (prefix, value) => str(value).startsWith(str(prefix)),
  hasSuffix: (suffix, value) => str(value).endsWith(str(suffix)),
  first: (list) => (Array.isArray(list) ? list[0] : undefined),
  last: (list) => (Array.isArray(list) ? list[list.length - 1] : undefined),
  urlquery: (...args) => encodeURIComponent(args.map(str).join("")),
  b64enc: (value) => Buffer.from(str(value), "utf8").toString("base64"),
  b64dec: (value) => Buffer.from(str(value), "base64").toString("utf8"),
};
