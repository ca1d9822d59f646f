import { TemplateError } from "./errors";
import { integer } from "./sprig-strings";
import { formatValue, isPlainObject, truthy } from "./values";

/**
 * sprig's list and dictionary functions (https://masterminds.github.io/sprig/lists.html, dicts.html). Lists are
 * JSON arrays, dictionaries plain objects; every function returns a new value (the session is never changed) and
 * lists stay bounded.
 */
type Fn = (...args: unknown[]) => unknown;

const MAX_ITEMS = 4096;
const str = (value: unknown) => formatValue(value);

function list(value: unknown, fn: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  throw new TemplateError(`${fn} needs a list`);
}

function dict(value: unknown, fn: string): Record<string, unknown> {
  if (isPlainObject(value)) return value;
  if (value === undefined || value === null) return {};
  throw new TemplateError(`${fn} needs a dict`);
}

function boundedList(values: unknown[]): unknown[] {
  if (values.length > MAX_ITEMS) throw new TemplateError(`a template list longer than ${MAX_ITEMS} items`);
  return values;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export const SPRIG_LISTS: Record<string, Fn> = {
  list: (...items) => boundedList(items),
  append: (values, item) => boundedList([...list(values, "append"), item]),
  prepend: (values, item) => boundedList([item, ...list(values, "prepend")]),
  concat: (...lists) => boundedList(lists.flatMap((l) => list(l, "concat"))),
  rest: (values) => list(values, "rest").slice(1),
  initial: (values) => list(values, "initial").slice(0, -1),
  reverse: (values) => [...list(values, "reverse")].reverse(),
  uniq: (values) => list(values, "uniq").filter((v, i, all) => all.findIndex((w) => same(v, w)) === i),
  compact: (values) => list(values, "compact").filter(truthy),
  without: (values, ...omit) => list(values, "without").filter((v) => !omit.some((o) => same(v, o))),
  has: (needle, values) => list(values, "has").some((v) => same(v, needle)),
  sortAlpha: (values) => list(values, "sortAlpha").map(str).sort(),
  slice: (values, ...bounds) => {
    const items = list(values, "slice");
    const from = bounds.length > 0 ? integer(bounds[0], "slice start") : 0;
    const to = bounds.length > 1 ? integer(bounds[1], "slice end") : items.length;
    return items.slice(from, to);
  },
  dict: (...pairs) => {
    if (pairs.length % 2 !== 0) throw new TemplateError("dict needs key/value pairs");
    const out: Record<string, unknown> = {};
    for (let i = 0; i < pairs.length; i += 2) Object.defineProperty(out, str(pairs[i]), { value: pairs[i + 1], enumerable: true, writable: true, configurable: true });
    return out;
  },
  get: (d, key) => {
    const map = dict(d, "get");
    return Object.hasOwn(map, str(key)) ? map[str(key)] : "";
  },
  hasKey: (d, key) => Object.hasOwn(dict(d, "hasKey"), str(key)),
  keys: (...dicts) => boundedList(dicts.flatMap((d) => Object.keys(dict(d, "keys")))),
  values: (d) => Object.values(dict(d, "values")),
  pick: (d, ...names) => Object.fromEntries(Object.entries(dict(d, "pick")).filter(([k]) => names.map(str).includes(k))),
  omit: (d, ...names) => Object.fromEntries(Object.entries(dict(d, "omit")).filter(([k]) => !names.map(str).includes(k))),
  pluck: (key, ...dicts) => dicts.map((d) => dict(d, "pluck")).filter((d) => Object.hasOwn(d, str(key))).map((d) => d[str(key)]),
};
