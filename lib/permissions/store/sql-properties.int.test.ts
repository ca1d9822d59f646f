import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { newId } from "@/lib/core/ids";
import { testDbKind, useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { assertListsAgreeWithCheck } from "../testing/properties";
import { randomModel, randomTuples } from "../testing/random-model";
import { MemoryTupleStore } from "./memory";
import { SqlTupleStore, subjectColumns } from "./sql";
import { closeSqlRunner, sqlRunner } from "./sql-runner";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => {
  await closeSqlRunner();
  await database?.drop();
});

describe("property on the database (PostgreSQL or PGlite): list-objects and list-subjects agree with check", () => {
  it("holds for random models and tuples stored in the database, and check answers as on the in-memory store", async () => {
    const run = await sqlRunner();
    await fc.assert(
      fc.asyncProperty(randomModel, randomTuples, fc.integer({ min: 1, max: 4 }), async (model, tuples, depth) => {
        const projectId = newId();
        for (const t of tuples) {
          await run("", `INSERT INTO relation_tuples (project_id, namespace, object, relation, subject_set_namespace, subject_set_object, subject_set_relation, subject_id, commit_seq)
            VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, 1) ON CONFLICT DO NOTHING`, [projectId, t.namespace, t.object, t.relation, ...subjectColumns(t.subject)]);
        }
        await assertListsAgreeWithCheck(model, new SqlTupleStore(run, projectId), depth, new MemoryTupleStore(tuples));
      }),
      // PGlite is one single-threaded backend: a smaller sample keeps the file within its time budget.
      { numRuns: testDbKind() === "pglite" ? 4 : 16 },
    );
  }, 600_000);
});
