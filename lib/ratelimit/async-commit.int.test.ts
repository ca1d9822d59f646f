import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, type TestDatabase } from "@/lib/testing/database";
import { ASYNC_COMMIT_SOURCE } from "@/lib/db/sql-runner";

let database: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  database = await createEmptyDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const setting = async () => (await client.query<{ synchronous_commit: string }>("SHOW synchronous_commit")).rows[0]!.synchronous_commit;

describe("async commit source", () => {
  it("turns off synchronous commit for the statement's own transaction only", async () => {
    expect(await setting()).toBe("on");
    await client.query("CREATE TEMP TABLE t (v int)");
    await client.query("BEGIN");
    await client.query(`INSERT INTO t SELECT 1 FROM ${ASYNC_COMMIT_SOURCE}`);
    expect(await setting()).toBe("off");
    await client.query("COMMIT");
    expect(await setting()).toBe("on"); // the next transaction (a session insert, say) commits durably again
    expect((await client.query("SELECT count(*)::int AS n FROM t")).rows[0]).toEqual({ n: 1 });
  });
});
