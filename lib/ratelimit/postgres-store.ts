import { platformDb } from "@/lib/db";
import { sqlRunner } from "@/lib/db/sql-runner";
import type { RateLimitStore } from "./types";

/**
 * PostgreSQL store: one row per (project, key), updated by a single atomic upsert, so concurrent requests on any
 * number of instances count correctly without locks held across statements.
 */
export const postgresStore: RateLimitStore = {
  async hit(projectId, key, windowStart, windowSeconds) {
    const run = await sqlRunner();
    const previousStart = new Date(windowStart.getTime() - windowSeconds * 1000);
    const expiresAt = new Date(windowStart.getTime() + 2 * windowSeconds * 1000);
    const [row] = await run("pc_ratelimit_hit", `INSERT INTO rate_limit_buckets AS b (project_id, key, window_start, count, previous_count, expires_at)
      VALUES ($1::uuid, $2, $3::timestamptz, 1, 0, $4::timestamptz)
      ON CONFLICT (project_id, key) DO UPDATE SET
        previous_count = CASE
          WHEN b.window_start = EXCLUDED.window_start THEN b.previous_count
          WHEN b.window_start = $5::timestamptz THEN b.count
          ELSE 0 END,
        count = CASE WHEN b.window_start = EXCLUDED.window_start THEN b.count + 1 ELSE 1 END,
        window_start = EXCLUDED.window_start,
        expires_at = EXCLUDED.expires_at
      RETURNING count, previous_count`, [projectId, key, windowStart, expiresAt, previousStart]);
    return { count: Number(row.count), previous: Number(row.previous_count) };
  },
};

/** Deletes buckets whose windows are over (housekeeping; expired rows are harmless otherwise). */
export async function pruneBuckets(now: Date): Promise<number> {
  const db = await platformDb();
  return db.$executeRaw`DELETE FROM rate_limit_buckets WHERE expires_at < ${now}`;
}
