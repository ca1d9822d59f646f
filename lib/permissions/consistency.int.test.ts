import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/core/ids";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { forgetVersions, noteWrite, readVersion } from "./consistency";
import { closeSqlRunner, sqlRunner, type SqlRunner } from "./store/sql-runner";

let database: TestDatabase;
let run: SqlRunner;
let queries = 0;
const counting: SqlRunner = (name, text, values) => {
  queries++;
  return run(name, text, values);
};
beforeAll(async () => {
  database = await useTestDatabase();
  run = await sqlRunner();
});
afterAll(async () => {
  await closeSqlRunner();
  await database?.drop();
});

const setSeq = (projectId: string, seq: number) =>
  run("", "INSERT INTO permission_sequences (project_id, seq) VALUES ($1::uuid, $2) ON CONFLICT (project_id) DO UPDATE SET seq = $2", [projectId, seq]);

describe("the version a read is answered at", () => {
  it("costs no round trip while fresh, one for many concurrent reads when stale, and refreshes for a newer token", async () => {
    const projectId = newId();
    await setSeq(projectId, 3);
    forgetVersions();
    queries = 0;
    expect(await Promise.all(Array.from({ length: 20 }, () => readVersion(counting, projectId)))).toEqual(Array(20).fill(3));
    expect(queries).toBe(1);
    expect(await readVersion(counting, projectId)).toBe(3);
    expect(queries).toBe(1);
    // Another instance wrote seq 5: a token for it makes this instance look again at once.
    await setSeq(projectId, 5);
    expect(await readVersion(counting, projectId, 5)).toBe(5);
    expect(queries).toBe(2);
    // A token from the future is refused.
    await expect(readVersion(counting, projectId, 9)).rejects.toThrow(/newer than any write/);
    // Writes through this instance are known without a round trip.
    noteWrite(projectId, 6);
    queries = 0;
    expect(await readVersion(counting, projectId, 6)).toBe(6);
    expect(queries).toBe(0);
  });
});
