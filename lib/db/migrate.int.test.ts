import { cp, mkdir, mkdtemp, rm, writeFile, appendFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- tests use the shared test-database harness
import { createEmptyDatabase, testDbKind, type TestDatabase } from "@/lib/testing/database";
import { defaultMigrationsDir, migrate, readMigrations } from "./migrate";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  cleanups.push(() => database.drop());
  return database;
}

/** A private copy of the migrations folder that a test may change. */
async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pc-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(defaultMigrationsDir(), dir, { recursive: true });
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// PGlite runs every migration in WebAssembly on a shared 2-core machine: give each test room.
const SLOW = 120_000;

describe("migrator", () => {
  // PGlite is a single backend: concurrent instances share one embedded server, so this is PostgreSQL's case.
  it.skipIf(testDbKind() === "pglite")("lets two concurrent migrators of one fresh database both succeed, applying each migration once", async () => {
    const database = await freshDatabase();
    const names = (await readMigrations()).map((m) => m.name);
    const [first, second] = await Promise.all([migrate(database.url), migrate(database.url)]);
    expect([...first.applied, ...second.applied].sort()).toEqual(names);
    expect([...first.applied, ...first.alreadyApplied].sort()).toEqual(names);
    expect([...second.applied, ...second.alreadyApplied].sort()).toEqual(names);
    const rows = await query<{ migration_name: string; n: string }>(
      database.url, `SELECT migration_name, count(*)::text AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name).sort()).toEqual(names);
    expect(rows.every((r) => r.n === "1")).toBe(true);
  }, SLOW);

  it("is idempotent and records each migration with Prisma's checksum", async () => {
    const database = await freshDatabase();
    const migrations = await readMigrations();
    expect((await migrate(database.url)).applied).toEqual(migrations.map((m) => m.name));
    expect(await migrate(database.url)).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      database.url, `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));
  }, SLOW);

  it("refuses a migration whose file changed after it was applied", async () => {
    const database = await freshDatabase();
    const dir = await migrationsCopy();
    await migrate(database.url, dir);
    const [first] = await readMigrations(dir);
    await appendFile(path.join(dir, first.name, "migration.sql"), "\n-- edited after the fact\n");
    await expect(migrate(database.url, dir)).rejects.toThrow(`Migration ${first.name} was changed after it was applied`);
  }, SLOW);

  it("rolls a failing migration back completely and applies it once fixed", async () => {
    const database = await freshDatabase();
    const dir = await migrationsCopy();
    await migrate(database.url, dir);
    const name = "99991231000000_broken";
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n`);
    await expect(migrate(database.url, dir)).rejects.toThrow(`Migration ${name} failed`);
    expect(await query(database.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`)).toEqual([]);
    expect(await query(database.url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '${name}'`)).toEqual([]);
    await writeFile(path.join(dir, name, "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);\n`);
    expect((await migrate(database.url, dir)).applied).toEqual([name]);
  }, SLOW);
});
