import { createHash } from "node:crypto";
import { TemplateError } from "./errors";
import { bounded } from "./sprig-strings";
import { formatValue, truthy } from "./values";

/**
 * sprig's defaults, encoding, hashing and integer-math functions (https://masterminds.github.io/sprig/), plus Go's
 * comparison builtins and a bounded `printf`. All pure.
 */
type Fn = (...args: unknown[]) => unknown;

const str = (value: unknown) => formatValue(value);
const num = (value: unknown): number => {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === undefined || value === null || value === "") return 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
};

function compare(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "number" && typeof b === "number") return a - b;
  throw new TemplateError("incompatible types for comparison");
}

function fromJson(value: unknown): unknown {
  try {
    return JSON.parse(str(value)) as unknown;
  } catch {
    return "";
  }
}

/** Go's fmt verbs rule authors use: %s %v %d %q %t %x %%; widths and flags are not supported. */
function printf(format: unknown, ...args: unknown[]): string {
  let next = 0;
  const out = str(format).replace(/%([%svdqtx])/g, (_, verb: string) => {
    if (verb === "%") return "%";
    if (next >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[next++];
    switch (verb) {
      case "d":
        return typeof arg === "number" ? String(Math.trunc(arg)) : `%!d(${str(arg)})`;
      case "q":
        return JSON.stringify(str(arg));
      case "x":
        return typeof arg === "number" ? Math.trunc(arg).toString(16) : Buffer.from(str(arg), "utf8").toString("hex");
      default:
        return str(arg);
    }
  });
  return bounded(out);
}

export const SPRIG_MISC: Record<string, Fn> = {
  coalesce: (...args) => args.find(truthy),
  ternary: (whenTrue, whenFalse, condition) => (truthy(condition) ? whenTrue : whenFalse),
  toPrettyJson: (value) => bounded(JSON.stringify(value ?? null, null, 2)),
  toRawJson: (value) => bounded(JSON.stringify(value ?? null)),
  fromJson,
  sha1sum: (value) => createHash("sha1").update(str(value)).digest("hex"),
  sha256sum: (value) => createHash("sha256").update(str(value)).digest("hex"),
  atoi: (value) => {
    const n = Number.parseInt(str(value), 10);
    return Number.isNaN(n) ? 0 : n;
  },
  int: (value) => Math.trunc(num(value)),
  int64: (value) => Math.trunc(num(value)),
  float64: (value) => num(value),
  toStrings: (value) => (Array.isArray(value) ? value.map(str) : [str(value)]),
  add: (...args) => args.reduce((sum: number, a) => sum + num(a), 0),
  add1: (value) => num(value) + 1,
  sub: (a, b) => num(a) - num(b),
  mul: (...args) => args.reduce((product: number, a) => product * num(a), 1),
  div: (a, b) => {
    if (num(b) === 0) throw new TemplateError("division by zero");
    return Math.trunc(num(a) / num(b));
  },
  mod: (a, b) => {
    if (num(b) === 0) throw new TemplateError("division by zero");
    return num(a) % num(b);
  },
  max: (...args) => Math.max(...args.map(num)),
  min: (...args) => Math.min(...args.map(num)),
  lt: (a, b) => compare(a, b) < 0,
  le: (a, b) => compare(a, b) <= 0,
  gt: (a, b) => compare(a, b) > 0,
  ge: (a, b) => compare(a, b) >= 0,
  printf,
  println: (...args) => args.map(str).join(" ") + "\n",
  kindOf: (value) =>
    Array.isArray(value) ? "slice" : value === null || value === undefined ? "invalid" : typeof value === "object" ? "map" : typeof value === "number" ? (Number.isInteger(value) ? "int" : "float64") : typeof value === "boolean" ? "bool" : "string",
};
