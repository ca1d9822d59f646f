import { processGlobal } from "@/lib/core/process-global";
import { sqlRunner } from "@/lib/db/sql-runner";

/**
 * Per-key usage counters and last-used time, written in batches: verifications add to an in-process tally
 * that is flushed once a second (and on demand), one statement per project that updates `api_keys` and the
 * daily buckets for every key used since the last flush. A crash loses at most a second of counts.
 */
interface Tally { count: number; lastUsed: Date }
const FLUSH_MS = 1000;
const pending = processGlobal("api-key-service.usage", () => ({ byProject: new Map<string, Map<string, Tally>>(), timer: undefined as NodeJS.Timeout | undefined, flushing: Promise.resolve() }));

const dayOf = (date: Date) => `${date.toISOString().slice(0, 10)}T00:00:00Z`;

export function recordUsage(projectId: string, keyId: string, now: Date): void {
  let keys = pending.byProject.get(projectId);
  if (!keys) pending.byProject.set(projectId, (keys = new Map()));
  const slot = `${keyId} ${dayOf(now)}`;
  const tally = keys.get(slot);
  if (tally) {
    tally.count++;
    if (now > tally.lastUsed) tally.lastUsed = now;
  } else keys.set(slot, { count: 1, lastUsed: now });
  if (!pending.timer) {
    pending.timer = setTimeout(() => void flushApiKeyUsage(), FLUSH_MS);
    pending.timer.unref();
  }
}

const FLUSH_SQL = `WITH u AS (
    SELECT * FROM unnest($2::text[], $3::timestamptz[], $4::bigint[], $5::timestamptz[]) AS u(key_id, day, n, last_used)
  ), per_key AS (
    SELECT key_id, sum(n) AS n, max(last_used) AS last_used FROM u GROUP BY key_id
  ), keys AS (
    UPDATE api_keys a SET usage_count = a.usage_count + per_key.n, last_used_at = GREATEST(a.last_used_at, per_key.last_used)
    FROM per_key WHERE a.project_id = $1::uuid AND a.id = per_key.key_id RETURNING a.id
  )
  INSERT INTO api_key_usage_days AS d (project_id, key_id, day, count)
  SELECT $1::uuid, u.key_id, u.day, u.n FROM u JOIN keys ON keys.id = u.key_id
  ON CONFLICT (project_id, key_id, day) DO UPDATE SET count = d.count + EXCLUDED.count`;

/** Writes what has been tallied so far (tests and shutdown call it; the timer does otherwise). */
export function flushApiKeyUsage(): Promise<void> {
  pending.flushing = pending.flushing.then(async () => {
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = undefined;
    const batches = pending.byProject;
    pending.byProject = new Map();
    if (batches.size === 0) return;
    const run = await sqlRunner();
    for (const [projectId, keys] of batches) {
      const ids: string[] = [], days: string[] = [], counts: number[] = [], lastUsed: Date[] = [];
      for (const [slot, tally] of keys) {
        const [id, day] = slot.split(" ");
        ids.push(id ?? ""); days.push(day ?? ""); counts.push(tally.count); lastUsed.push(tally.lastUsed);
      }
      try {
        await run("api_key_usage_flush", FLUSH_SQL, [projectId, ids, days, counts, lastUsed]);
      } catch {
        // Best effort: counters never fail a verification.
      }
    }
  });
  return pending.flushing;
}
