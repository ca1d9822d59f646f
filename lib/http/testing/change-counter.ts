import pg from "pg";

/**
 * Counts the rows written per table of a test database, to prove that a refused request changed nothing. Row
 * triggers bump a per-table counter inside the writing transaction, so a write that rolled back leaves no trace
 * and a snapshot is one tiny query. `ignore` names bookkeeping tables a refusal may legitimately touch.
 */
export interface ChangeCounter {
  /** Table → rows inserted, updated or deleted so far. */
  snapshot(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

export async function changeCounter(url: string, ignore: ReadonlySet<string> = new Set()): Promise<ChangeCounter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_%' ORDER BY tablename");
  await client.query(`CREATE TABLE pc_test_changes (t text PRIMARY KEY, n bigint NOT NULL);
    CREATE FUNCTION pc_test_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO pc_test_changes VALUES (TG_TABLE_NAME, 1) ON CONFLICT (t) DO UPDATE SET n = pc_test_changes.n + 1;
      RETURN NULL;
    END $$;`);
  for (const { tablename } of rows) {
    if (ignore.has(tablename)) continue;
    await client.query(`CREATE TRIGGER pc_test_count AFTER INSERT OR UPDATE OR DELETE ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION pc_test_count_change()`);
  }
  return {
    snapshot: async () => new Map((await client.query<{ t: string; n: string }>("SELECT t, n FROM pc_test_changes")).rows.map((r) => [r.t, Number(r.n)])),
    close: () => client.end(),
  };
}

/** The tables written between two snapshots. */
export const changedTables = (before: Map<string, number>, after: Map<string, number>): string[] =>
  [...after.keys()].filter((table) => before.get(table) !== after.get(table));
