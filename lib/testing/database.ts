import { randomBytes } from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { closeDatabase, initDatabase, migrate } from "@/lib/db";
import { invalidateAllProjects } from "@/lib/projects/lookup";

export type TestDbKind = "postgres" | "pglite";

/** Integration tests run against PostgreSQL by default; `TEST_DB=pglite` runs the same tests on PGlite. */
export const testDbKind = (): TestDbKind => (process.env.TEST_DB === "pglite" ? "pglite" : "postgres");
export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  url: string;
  kind: TestDbKind;
  drop(): Promise<void>;
}

async function freshPostgres(): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  const name = `pc_test_${randomBytes(6).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    drop: async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function freshPglite(): Promise<TestDatabase> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 8 });
  await server.start();
  const conn = server.getServerConn();
  const port = Number(conn.split(":").pop());
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    kind: "pglite",
    drop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** An empty database of the configured kind, not migrated and not connected to the app's data layer. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return testDbKind() === "pglite" ? freshPglite() : freshPostgres();
}

/** An empty, migrated database of the configured kind, with the app's data layer pointed at it. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const database = testDbKind() === "pglite" ? await freshPglite() : await freshPostgres();
  await migrate(database.url);
  await initDatabase({ url: database.url, pool: database.kind === "pglite" ? 1 : 5 });
  invalidateAllProjects();
  return {
    ...database,
    drop: async () => {
      await closeDatabase();
      await database.drop();
    },
  };
}
