import pg from "pg";
import { config } from "@/lib/config";
import { initDatabase, type Db } from "./index";
import { IDLE_CONNECTION_MS } from "./client";

export type Row = Record<string, unknown>;
/** Runs one parameterized statement; `name` makes it a prepared statement where the driver supports it. */
export type SqlRunner = (name: string, text: string, values: unknown[]) => Promise<Row[]>;
/** A statement not yet run, so a caller can run it together with its own (see withStatement). $1 is the project id. */
export interface SqlStatement {
  name: string;
  text: string;
  values: unknown[];
}

interface PoolEntry {
  url: string;
  pool: pg.Pool;
  /** False on PGlite: one backend session behind its socket, where statement names of connections collide. */
  dedicated: Promise<boolean>;
}
let current: PoolEntry | undefined;

const throughPrisma = (client: Db): SqlRunner => async (_name, text, values) => (await client.$queryRawUnsafe(text, ...values)) as Row[];

function openPool(url: string): PoolEntry {
  const probe = new pg.Client({ connectionString: url });
  const dedicated = probe.connect()
    .then(() => probe.query("SELECT version() AS v"))
    .then((r) => !/emscripten|wasm/i.test(String(r.rows[0]?.v)))
    .catch(() => false)
    .finally(() => probe.end().catch(() => undefined));
  // Generic plans: the statements are index lookups whose best plan does not depend on the values, and a
  // custom plan per execution (PostgreSQL's default for the first runs and whenever it looks cheaper) costs
  // more planning than the lookups themselves.
  // Idle connections stay for minutes: the pool hands out the most recently used connection, so at a steady
  // moderate rate the rest sit idle, and reopening one in a burst (a backend fork, then every named statement
  // parsed and planned again) stalled requests by tens of milliseconds when the timeout was 10 s.
  const pool = new pg.Pool({
    connectionString: url, max: config().DB_POOL_SIZE, idleTimeoutMillis: IDLE_CONNECTION_MS, allowExitOnIdle: true,
    options: "-c plan_cache_mode=force_generic_plan",
  });
  pool.on("error", () => { /* a dropped idle connection is replaced on next use */ });
  return { url, pool, dedicated };
}

/**
 * Hot paths (permission checks, the password login's flow, identity, session and rate-limit statements) run
 * hand-written SQL: Prisma's per-query cost dominates their handful of index lookups. On PostgreSQL it uses its own `pg` pool with named prepared statements;
 * on PGlite (embedded or tests: one backend session) it goes through the Prisma client.
 * RULE: every statement run here carries an explicit `project_id = $1` predicate; the project-scoped
 * Prisma client cannot add it to raw SQL.
 */
export async function sqlRunner(): Promise<SqlRunner> {
  const state = await initDatabase();
  if (state.embedded) return throughPrisma(state.client);
  if (current?.url !== state.url) {
    const previous = current;
    current = openPool(state.url);
    void previous?.pool.end().catch(() => undefined);
  }
  const { pool, dedicated } = current;
  if (!(await dedicated)) return throughPrisma(state.client);
  return async (name, text, values) => (await pool.query({ name: name || undefined, text, values })).rows as Row[];
}

/**
 * A FROM item that turns off synchronous commit for the statement's own transaction (is_local = true), for
 * writes whose loss in a server crash costs nothing but a retry: rate-limit counters (what Redis, the other
 * store, keeps without fsync) and self-service flows (a lost flow restarts). PostgreSQL keeps the database
 * consistent and loses at most the last few such commits ("Asynchronous Commit", PostgreSQL docs §30.4); the
 * commit no longer waits for a WAL flush. Sessions and credentials never use it.
 */
export const ASYNC_COMMIT_SOURCE = "(SELECT set_config('synchronous_commit', 'off', true)) AS async_commit";

export async function closeSqlRunner(): Promise<void> {
  const entry = current;
  current = undefined;
  await entry?.pool.end().catch(() => undefined);
}
