import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryTupleStore } from "../store/memory";
import { NAMESPACES, PERMITS, RELATIONS, randomModel, randomTuples } from "../testing/random-model";
import type { NamespaceModel } from "../opl/ast";
import type { TupleReader } from "../store/types";
import { subjectKey } from "../tuples";
import { checkPermission } from "./check";
import { listObjects, listSubjects } from "./list";

/** check(s, p, o) ⇔ o ∈ listObjects(s, p) ⇔ s ∈ listSubjects(o, p), over every known object and subject. */
export async function assertListsAgreeWithCheck(model: NamespaceModel, store: TupleReader, maxDepth: number): Promise<void> {
  const subjects = await store.allSubjects();
  for (const namespace of NAMESPACES) {
    const objects = await store.objectsOf(namespace);
    for (const relation of [...RELATIONS, ...PERMITS]) {
      const subjectLists = new Map<string, Set<string>>();
      for (const object of objects) {
        const page = await listSubjects(model, store, { namespace, object, relation }, maxDepth, { pageSize: 1000 });
        subjectLists.set(object, new Set(page.items.map(subjectKey)));
      }
      for (const subject of subjects) {
        const listed = new Set((await listObjects(model, store, { namespace, relation, subject }, maxDepth, { pageSize: 1000 })).items);
        for (const object of objects) {
          const allowed = (await checkPermission(model, store, { namespace, object, relation }, subject, { maxDepth })).membership === "member";
          const question = `${namespace}:${object}#${relation}@${subjectKey(subject)} (depth ${maxDepth})`;
          expect(listed.has(object), `list-objects ${question}`).toBe(allowed);
          expect(subjectLists.get(object)!.has(subjectKey(subject)), `list-subjects ${question}`).toBe(allowed);
        }
      }
    }
  }
}

describe("property: list-objects and list-subjects agree with check", () => {
  it("on random models and tuples (in-memory store)", async () => {
    await fc.assert(
      fc.asyncProperty(randomModel, randomTuples, fc.integer({ min: 1, max: 5 }), async (model, tuples, depth) => {
        await assertListsAgreeWithCheck(model, new MemoryTupleStore(tuples), depth);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
