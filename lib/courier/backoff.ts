/** Exponential backoff for retries: 10s, 20s, 40s, … capped at one hour, with ±20% jitter against thundering herds. */
export function nextAttemptDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
