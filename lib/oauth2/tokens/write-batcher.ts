import type { ProjectDb } from "@/lib/db";

export interface TokenInsert {
  signature: string;
  kind: string;
  requestId: string;
  clientId: string;
  subject: string;
  scope: string;
  audience: unknown;
  session: unknown;
  createdAt: Date;
  expiresAt: Date;
}

type RawDb = Pick<ProjectDb, "$executeRawUnsafe">;
interface Pending {
  rows: TokenInsert[];
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

const pending = new Map<string, Pending>();
const MAX_BATCH = 500;
const COLUMNS = 11;

/**
 * Group commit for token rows: inserts requested in the same turn of the event loop go to PostgreSQL as
 * one multi-row INSERT (one plain SQL statement; the query builder cost ~2x per row on this machine). Every
 * caller still waits until its rows are stored, so no token leaves the server unrecorded.
 */
export function insertBatched(db: RawDb, projectId: string, rows: TokenInsert[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let batch = pending.get(projectId);
    if (!batch || batch.rows.length >= MAX_BATCH) {
      batch = { rows: [], waiters: [] };
      pending.set(projectId, batch);
      const scheduled = batch;
      setImmediate(() => void flush(db, projectId, scheduled));
    }
    batch.rows.push(...rows);
    batch.waiters.push({ resolve, reject });
  });
}

async function flush(db: RawDb, projectId: string, batch: Pending): Promise<void> {
  if (pending.get(projectId) === batch) pending.delete(projectId);
  const params: unknown[] = [];
  const tuples = batch.rows.map((r, i) => {
    params.push(projectId, r.signature, r.kind, r.requestId, r.clientId, r.subject, r.scope, JSON.stringify(r.audience), JSON.stringify(r.session), r.createdAt, r.expiresAt);
    const b = i * COLUMNS;
    return `($${b + 1}::uuid,$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7},$${b + 8}::jsonb,$${b + 9}::jsonb,$${b + 10}::timestamptz,$${b + 11}::timestamptz)`;
  });
  try {
    await db.$executeRawUnsafe(
      `INSERT INTO "oauth2_tokens" ("project_id","signature","kind","request_id","client_id","subject","scope","audience","session","created_at","expires_at") VALUES ${tuples.join(",")}`,
      ...params,
    );
    for (const w of batch.waiters) w.resolve();
  } catch (error) {
    for (const w of batch.waiters) w.reject(error);
  }
}
