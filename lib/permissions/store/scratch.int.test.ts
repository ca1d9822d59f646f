import fc from "fast-check";
import { afterAll, beforeAll, it, expect } from "vitest";
import { newId } from "@/lib/core/ids";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { randomModel, randomTuples, NAMESPACES, RELATIONS, PERMITS } from "../testing/random-model";
import { SqlTupleStore, subjectColumns } from "./sql";
import { MemoryTupleStore } from "./memory";
import { closeSqlRunner, sqlRunner } from "./sql-runner";
import { checkPermission } from "../engine/check";
import { subjectKey } from "../tuples";

let database: TestDatabase;
beforeAll(async () => { database = await useTestDatabase(); });
afterAll(async () => { await closeSqlRunner(); await database?.drop(); });

it("memory and sql agree", async () => {
  const run = await sqlRunner();
  await fc.assert(fc.asyncProperty(randomModel, randomTuples, fc.integer({ min: 1, max: 5 }), async (model, tuples, depth) => {
    const projectId = newId();
    for (const t of tuples) {
      await run("", `INSERT INTO relation_tuples (project_id, namespace, object, relation, subject_set_namespace, subject_set_object, subject_set_relation, subject_id, commit_seq)
        VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, 1) ON CONFLICT DO NOTHING`, [projectId, t.namespace, t.object, t.relation, ...subjectColumns(t.subject)]);
    }
    const mem = new MemoryTupleStore(tuples);
    const subjects = await mem.allSubjects();
    const shared = new SqlTupleStore(run, projectId);
    const qs: Promise<void>[] = [];
    for (const ns of NAMESPACES) for (const object of await mem.objectsOf(ns)) for (const relation of [...RELATIONS, ...PERMITS]) for (const s of subjects) {
      qs.push((async () => {
      const a = (await checkPermission(model, mem, { namespace: ns, object, relation }, s, { maxDepth: depth })).membership;
      const b = (await checkPermission(model, shared, { namespace: ns, object, relation }, s, { maxDepth: depth })).membership;
      expect(b, `${ns}:${object}#${relation}@${subjectKey(s)} d${depth}`).toBe(a);
      })());
    }
    await Promise.all(qs);
  }), { numRuns: 60 });
}, 600_000);
