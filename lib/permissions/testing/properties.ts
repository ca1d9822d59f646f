import { expect } from "vitest";
import { admitsSubject, readsStoredTuples, relationKind } from "../declarations";
import type { NamespaceModel } from "../opl/ast";
import { MemoryTupleStore } from "../store/memory";
import type { TupleReader } from "../store/types";
import { subjectKey, type RelationTuple } from "../tuples";
import { checkPermission } from "../engine/check";
import { listObjects, listSubjects } from "../engine/list";
import { NAMESPACES, QUESTION_RELATIONS } from "./random-model";

/**
 * check(s, p, o) ⇔ o ∈ listObjects(s, p) ⇔ s ∈ listSubjects(o, p), over every known object and subject; with a
 * `reference` store (the in-memory one), check must also answer there exactly as on `store`.
 */
export async function assertListsAgreeWithCheck(model: NamespaceModel, store: TupleReader, maxDepth: number, reference?: TupleReader): Promise<void> {
  const subjects = await store.allSubjects();
  for (const namespace of NAMESPACES) {
    const objects = await store.objectsOf(namespace);
    for (const relation of QUESTION_RELATIONS) {
      const subjectLists = new Map<string, Set<string>>();
      for (const object of objects) {
        const page = await listSubjects(model, store, { namespace, object, relation }, maxDepth, { pageSize: 1000 });
        subjectLists.set(object, new Set(page.items.map(subjectKey)));
      }
      for (const subject of subjects) {
        const listed = new Set((await listObjects(model, store, { namespace, relation, subject }, maxDepth, { pageSize: 1000 })).items);
        for (const object of objects) {
          const target = { namespace, object, relation };
          const membership = (await checkPermission(model, store, target, subject, { maxDepth })).membership;
          const question = `${namespace}:${object}#${relation}@${subjectKey(subject)} (depth ${maxDepth}${model.strict ? ", strict" : ""})`;
          if (reference) expect(membership, `check on both stores ${question}`).toBe((await checkPermission(model, reference, target, subject, { maxDepth })).membership);
          const allowed = membership === "member";
          expect(listed.has(object), `list-objects ${question}`).toBe(allowed);
          expect(subjectLists.get(object)!.has(subjectKey(subject)), `list-subjects ${question}`).toBe(allowed);
        }
      }
    }
  }
}

/** Whether evaluation reads a stored tuple at all (declarations.ts): the others must count as not stored. */
export const isAdmitted = (model: NamespaceModel, t: RelationTuple) =>
  readsStoredTuples(model, relationKind(model, t.namespace, t.relation)) && admitsSubject(model, t.namespace, t.relation, t.subject);

/** Tuples evaluation ignores (strict mode, undeclared types) change no check: as if they were not stored. */
export async function assertIgnoredTuplesChangeNothing(model: NamespaceModel, tuples: RelationTuple[], maxDepth: number): Promise<void> {
  const all = new MemoryTupleStore(tuples);
  const admitted = new MemoryTupleStore(tuples.filter((t) => isAdmitted(model, t)));
  const subjects = await all.allSubjects();
  for (const namespace of NAMESPACES) {
    for (const object of await all.objectsOf(namespace)) {
      for (const relation of QUESTION_RELATIONS) {
        for (const subject of subjects) {
          const target = { namespace, object, relation };
          const question = `${namespace}:${object}#${relation}@${subjectKey(subject)} (depth ${maxDepth}${model.strict ? ", strict" : ""})`;
          expect((await checkPermission(model, all, target, subject, { maxDepth })).membership, question)
            .toBe((await checkPermission(model, admitted, target, subject, { maxDepth })).membership);
        }
      }
    }
  }
}
