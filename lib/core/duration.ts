/**
 * Go's `time.ParseDuration` (https://pkg.go.dev/time#ParseDuration), the format of every lifespan in Ory's
 * configuration: "a possibly signed sequence of decimal numbers, each with optional fraction and a unit suffix, such
 * as "300ms", "-1.5h" or "2h45m". Valid time units are "ns", "us" (or "µs"), "ms", "s", "m", "h"." "0" alone is valid;
 * any other number without a unit is not. Computed in integer nanoseconds as Go does (fractions truncated to the
 * nanosecond, overflow of int64 refused), returned in milliseconds.
 */
const NS_PER_UNIT: Record<string, bigint> = {
  ns: 1n, us: 1_000n, "µs": 1_000n, "μs": 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n,
};
const LIMIT = 1n << 63n;
const COMPONENT = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;

/** Go's leadingFraction: the fraction's digits as an integer and its scale, digits past int64's range ignored. */
function leadingFraction(digits: string): { f: bigint; scale: number } {
  let f = 0n;
  let scale = 1;
  for (const digit of digits) {
    if (f > (LIMIT - 1n) / 10n) break;
    const next = f * 10n + BigInt(digit);
    if (next > LIMIT) break;
    f = next;
    scale *= 10;
  }
  return { f, scale };
}

/** A Go duration in nanoseconds; undefined when `text` is not one (Go's algorithm, step by step). */
export function parseGoDurationNs(text: string): bigint | undefined {
  let rest = text;
  let negative = false;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    negative = rest.startsWith("-");
    rest = rest.slice(1);
  }
  if (rest === "0") return 0n;
  if (rest === "") return undefined;
  let total = 0n;
  while (rest) {
    const match = COMPONENT.exec(rest);
    // A component needs digits before or after the point, and a unit (Go: "missing unit in duration").
    if (!match || (match[1] === "" && !match[2])) return undefined;
    const [whole, integer, fraction = "", unit] = match;
    const scale = NS_PER_UNIT[unit]!;
    let value = BigInt(integer || "0");
    if (value > LIMIT || value > LIMIT / scale) return undefined; // overflow
    value *= scale;
    const { f, scale: fractionScale } = leadingFraction(fraction);
    // Go adds the fraction in float64: uint64(float64(f) * (float64(unit) / scale)).
    if (f > 0n) value += BigInt(Math.trunc(Number(f) * (Number(scale) / fractionScale)));
    if (value > LIMIT) return undefined;
    total += value;
    if (total > LIMIT) return undefined;
    rest = rest.slice(whole.length);
  }
  if (!negative && total > LIMIT - 1n) return undefined;
  return negative ? -total : total;
}

/** A Go duration in milliseconds (fractional below 1 ms); undefined when the value is not a Go duration string. */
export function parseGoDuration(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ns = parseGoDurationNs(value);
  return ns === undefined ? undefined : Number(ns) / 1e6;
}

export const isGoDuration = (value: unknown): value is string => parseGoDuration(value) !== undefined;

/**
 * A lifespan read from a stored project configuration, in whole milliseconds: a Go duration string, with one
 * compatible read for values written before configs were validated — a bare number (JSON number, or a string of
 * digits) is seconds, as lib/sessions always read it. Missing, invalid or negative values give `fallback`.
 */
export function configDurationMs(value: unknown, fallback: string): number {
  const seconds = typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
  const ms = seconds !== undefined && Number.isFinite(seconds) ? seconds * 1000 : parseGoDuration(value);
  if (ms !== undefined && ms >= 0) return Math.round(ms);
  return Math.round(parseGoDuration(fallback) ?? 0);
}
