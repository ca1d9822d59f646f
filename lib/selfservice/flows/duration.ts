/** Go durations as Kratos writes them ("1h", "15m", "1h30m", "90s", "500ms") → milliseconds; undefined if invalid. */
export function parseGoDuration(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value / 1e6; // nanoseconds, like Go
  if (typeof value !== "string" || !/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(value)) return undefined;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, amount, , unit] of value.matchAll(/(\d+(\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(amount) * units[unit];
  return total;
}
