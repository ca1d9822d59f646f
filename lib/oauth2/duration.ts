import { parseGoDuration } from "@/lib/core/duration";

/** Hydra's lifespans: a Go duration (lib/core's one parser) in whole milliseconds; negative ones are not lifespans. */
export function parseDuration(value: string): number | undefined {
  const ms = parseGoDuration(value);
  return ms === undefined || ms < 0 ? undefined : Math.round(ms);
}

export const DURATION_PATTERN = /^([0-9]+(ns|us|ms|s|m|h))*$/;

/** Milliseconds → a Go duration string ("1h0m0s" style is not needed; "3600s" is what Hydra accepts back). */
export const formatDuration = (ms: number): string => (ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 60_000 === 0 ? `${ms / 60_000}m` : `${Math.round(ms / 1000)}s`);
