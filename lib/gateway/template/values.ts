/**
 * Values a template sees: JSON data (plain objects, arrays, scalars) plus two read-only "bags" with Go's
 * `Get` method (`.MatchContext.Header.Get "X-Foo"`, `.MatchContext.URL.Query.Get "q"`). Nothing else is
 * callable, and field access never leaves a value's own properties (no prototype, no getters).
 */
export class ValueBag {
  private readonly lookup: (name: string) => string | undefined;

  /** From a map of values (first value wins) or a lookup function (request headers). */
  constructor(source: Record<string, string[]> | ((name: string) => string | undefined), caseInsensitive: boolean) {
    const fold = (name: string) => (caseInsensitive ? name.toLowerCase() : name);
    this.lookup = typeof source === "function" ? (name) => source(fold(name)) : (name) => (Object.hasOwn(source, fold(name)) ? source[fold(name)][0] : undefined);
  }

  get(name: string): string {
    return this.lookup(name) ?? "";
  }
}

export type TemplateValue = unknown;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Go's template truth: false, 0, nil, and empty strings, lists and maps are false. */
export function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** fmt.Sprint-like formatting (`%v`): lists as `[a b]`, maps as `map[k:v]` with sorted keys, nil as "". */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(formatNested).join(" ")}]`;
  if (isPlainObject(value)) {
    const entries = Object.keys(value).sort().map((key) => `${key}:${formatNested(value[key])}`);
    return `map[${entries.join(" ")}]`;
  }
  return "";
}

const formatNested = (value: unknown) => (value === undefined || value === null ? "<nil>" : formatValue(value));
