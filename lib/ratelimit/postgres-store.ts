import { platformDb } from "@/lib/db";
import { ASYNC_COMMIT_SOURCE, sqlRunner, type Row, type SqlStatement } from "@/lib/db/sql-runner";
import type { ChainedHit, RateLimitStore, WindowCounts } from "./types";

/** The upsert of one hit; `$n` placeholders for key, window start, expiry and the previous window's start. */
const upsert = (source: string, [key, start, expires, previousStart]: string[]) => `INSERT INTO rate_limit_buckets AS b
    (project_id, key, window_start, count, previous_count, expires_at)
    ${source.replace("<values>", `$1::uuid, ${key}, ${start}::timestamptz, 1, 0, ${expires}::timestamptz`)}
  ON CONFLICT (project_id, key) DO UPDATE SET
    previous_count = CASE
      WHEN b.window_start = EXCLUDED.window_start THEN b.previous_count
      WHEN b.window_start = ${previousStart}::timestamptz THEN b.count
      ELSE 0 END,
    count = CASE WHEN b.window_start = EXCLUDED.window_start THEN b.count + 1 ELSE 1 END,
    window_start = EXCLUDED.window_start,
    expires_at = EXCLUDED.expires_at
  RETURNING count, previous_count`;

const hitValues = (hit: Pick<ChainedHit, "key" | "windowStart" | "windowSeconds">): unknown[] => [
  hit.key,
  hit.windowStart,
  new Date(hit.windowStart.getTime() + 2 * hit.windowSeconds * 1000),
  new Date(hit.windowStart.getTime() - hit.windowSeconds * 1000),
];

/**
 * A chain of N hits as one statement: hit i+1 is inserted from hit i's RETURNING row only when hit i stayed within
 * its limit, so a hit over the limit stops the chain as the sequential checks did. Parameters: $1 project, then from
 * $first six per hit (key, window start, expiry, previous start, previous weight, limit), the last hit's gate excepted.
 * An `alongside` read (its own parameters $1…$first-1) is joined to the one result row: its rows, marked alongside_found.
 */
const chainSqlCache = new Map<string, string>();
function chainSql(length: number, alongside?: SqlStatement): string {
  const first = 1 + (alongside?.values.length ?? 1);
  const cacheKey = `${length} ${alongside?.name ?? ""}`;
  let sql = chainSqlCache.get(cacheKey);
  if (sql) return sql;
  const p = (i: number, k: number) => `$${first + 6 * i + k}`;
  const ctes = Array.from({ length }, (_, i) => {
    const placeholders = [0, 1, 2, 3].map((k) => p(i, k));
    const source = i === 0 ? "VALUES (<values>)"
      : `SELECT <values> FROM h${i - 1} WHERE h${i - 1}.previous_count * ${p(i - 1, 4)}::float8 + h${i - 1}.count <= ${p(i - 1, 5)}::float8`;
    return `h${i} AS (${upsert(source, placeholders)})`;
  });
  const columns = Array.from({ length }, (_, i) => `h${i}.count AS c${i}, h${i}.previous_count AS p${i}`);
  const from = Array.from({ length }, (_, i) => (i === 0 ? `${ASYNC_COMMIT_SOURCE} CROSS JOIN h0` : `LEFT JOIN h${i} ON true`)).join(" ");
  const joined = alongside ? ` LEFT JOIN (SELECT true AS alongside_found, a.* FROM (${alongside.text}) a) alongside ON true` : "";
  sql = `WITH ${ctes.join(",\n")} SELECT ${columns.join(", ")}${alongside ? ", alongside.*" : ""} FROM ${from}${joined}`;
  chainSqlCache.set(cacheKey, sql);
  return sql;
}

async function runChain(projectId: string, hits: ChainedHit[], alongside?: SqlStatement): Promise<{ counts: (WindowCounts | undefined)[]; rows: Row[] }> {
  if (alongside && alongside.values[0] !== projectId) throw new Error("a statement run with rate limits must be constrained by their project ($1)");
  const run = await sqlRunner();
  const values = hits.flatMap((hit, i) => [...hitValues(hit), ...(i < hits.length - 1 ? [hit.previousWeight, hit.limit] : [])]);
  const name = `pc_ratelimit_chain_${hits.length}${alongside ? `+${alongside.name}` : ""}`;
  const rows = await run(name, chainSql(hits.length, alongside), [...(alongside?.values ?? [projectId]), ...values]);
  const row = rows[0]!;
  return {
    counts: hits.map((_, i): WindowCounts | undefined => (row[`c${i}`] == null ? undefined : { count: Number(row[`c${i}`]), previous: Number(row[`p${i}`]) })),
    rows: alongside ? rows.filter((r) => r.alongside_found === true).map(withoutChainColumns) : [],
  };
}

const withoutChainColumns = (row: Row): Row => {
  const own: Row = {};
  for (const [column, value] of Object.entries(row)) if (column !== "alongside_found" && !/^[cp]\d+$/.test(column)) own[column] = value;
  return own;
};

/**
 * PostgreSQL store: one row per (project, key), updated by a single atomic upsert, so concurrent requests on any
 * number of instances count correctly without locks held across statements.
 */
export const postgresStore: RateLimitStore = {
  async hit(projectId, key, windowStart, windowSeconds) {
    const run = await sqlRunner();
    const [row] = await run("pc_ratelimit_hit", upsert(`SELECT <values> FROM ${ASYNC_COMMIT_SOURCE}`, ["$2", "$3", "$4", "$5"]), [projectId, ...hitValues({ key, windowStart, windowSeconds })]);
    return { count: Number(row!.count), previous: Number(row!.previous_count) };
  },
  async hitChain(projectId, hits) {
    return (await runChain(projectId, hits)).counts;
  },
  hitChainAlongside: runChain,
};

/** Deletes buckets whose windows are over (housekeeping; expired rows are harmless otherwise). */
export async function pruneBuckets(now: Date): Promise<number> {
  const db = await platformDb();
  return db.$executeRaw`DELETE FROM rate_limit_buckets WHERE expires_at < ${now}`;
}
