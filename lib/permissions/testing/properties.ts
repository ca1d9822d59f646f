import { expect } from "vitest";
import type { NamespaceModel } from "../opl/ast";
import type { TupleReader } from "../store/types";
import { subjectKey } from "../tuples";
import { checkPermission } from "../engine/check";
import { listObjects, listSubjects } from "../engine/list";
import { NAMESPACES, PERMITS, RELATIONS } from "./random-model";

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
