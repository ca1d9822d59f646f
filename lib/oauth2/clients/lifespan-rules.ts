import { DURATION_PATTERN, parseDuration } from "../duration";

/** Bounds of a per-client token lifespan: below a second a token is dead on arrival; ten years is already generous. */
export const MIN_LIFESPAN_MS = 1000;
export const MAX_LIFESPAN_MS = 87_600 * 3_600_000;

export type LifespanProblem = "duration" | "lifespanTooShort" | "lifespanTooLong";

export const LIFESPAN_REASONS: Record<LifespanProblem, string> = {
  duration: "must be a duration like 1h, 30m or 1h30m",
  lifespanTooShort: "must be at least 1s",
  lifespanTooLong: "must be at most 87600h (10 years)",
};

/** A non-empty lifespan (Hydra's NullDuration, a Go duration of whole units) that is out of shape or bounds. */
export function lifespanProblem(value: string): LifespanProblem | undefined {
  const ms = DURATION_PATTERN.test(value) ? parseDuration(value) : undefined;
  if (ms === undefined) return "duration";
  if (ms < MIN_LIFESPAN_MS) return "lifespanTooShort";
  if (ms > MAX_LIFESPAN_MS) return "lifespanTooLong";
  return undefined;
}
