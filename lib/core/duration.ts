/**
 * Go's `time.ParseDuration` format, which Ory's configuration uses for lifespans ("24h", "1h30m", "15m", "90s").
 * Returns milliseconds; a bare number is read as seconds (Kratos accepts both in YAML).
 */
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;

export function parseDuration(value: string | number): number {
  if (typeof value === "number") return value * 1000;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^((\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h))+$/.test(text)) throw new Error(`Invalid duration: ${value}`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_MS[unit!]!;
  return Math.round(total);
}

/** Like parseDuration, but falls back to `fallback` (a duration string) when the value is missing or invalid. */
export function durationOr(value: unknown, fallback: string): number {
  if (typeof value === "string" || typeof value === "number") {
    try {
      return parseDuration(value);
    } catch {
      /* fall through to the default */
    }
  }
  return parseDuration(fallback);
}
