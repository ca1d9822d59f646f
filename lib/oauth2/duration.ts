const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;

/** Go duration strings as Ory's configs use them ("1h", "30m", "1h30m", "720h") → milliseconds. */
export function parseDuration(value: string): number | undefined {
  if (!/^((\d+(\.\d+)?)(ns|us|µs|ms|s|m|h))+$/.test(value)) return undefined;
  let total = 0;
  for (const match of value.matchAll(PART)) total += Number(match[1]) * UNITS[match[2]];
  return Math.round(total);
}

export const DURATION_PATTERN = /^([0-9]+(ns|us|ms|s|m|h))*$/;

/** Milliseconds → a Go duration string ("1h0m0s" style is not needed; "3600s" is what Hydra accepts back). */
export const formatDuration = (ms: number): string => (ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 60_000 === 0 ? `${ms / 60_000}m` : `${Math.round(ms / 1000)}s`);
