import { platformDb } from "@/lib/db";
import type { RateLimitStore } from "./types";

/**
 * PostgreSQL store: one row per (project, key), updated by a single atomic upsert, so concurrent requests on any
 * number of instances count correctly without locks held across statements.
 */
export const postgresStore: RateLimitStore = {
  async hit(projectId, key, windowStart, windowSeconds) {
    const db = await platformDb();
    const previousStart = new Date(windowStart.getTime() - windowSeconds * 1000);
    const expiresAt = new Date(windowStart.getTime() + 2 * windowSeconds * 1000);
    const rows = await db.$queryRaw<{ count: number; previous_count: number }[]>`
      INSERT INTO rate_limit_buckets AS b (project_id, key, window_start, count, previous_count, expires_at)
      VALUES (${projectId}::uuid, ${key}, ${windowStart}, 1, 0, ${expiresAt})
      ON CONFLICT (project_id, key) DO UPDATE SET
        previous_count = CASE
          WHEN b.window_start = EXCLUDED.window_start THEN b.previous_count
          WHEN b.window_start = ${previousStart} THEN b.count
          ELSE 0 END,
        count = CASE WHEN b.window_start = EXCLUDED.window_start THEN b.count + 1 ELSE 1 END,
        window_start = EXCLUDED.window_start,
        expires_at = EXCLUDED.expires_at
      RETURNING count, previous_count`;
    const row = rows[0];
    return { count: Number(row.count), previous: Number(row.previous_count) };
  },
};

/** Deletes buckets whose windows are over (housekeeping; expired rows are harmless otherwise). */
export async function pruneBuckets(now: Date): Promise<number> {
  const db = await platformDb();
  return db.$executeRaw`DELETE FROM rate_limit_buckets WHERE expires_at < ${now}`;
}
