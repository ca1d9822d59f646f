import type { NamespaceModel } from "../opl/ast";
import type { TupleReader } from "../store/types";
import { subjectKey, subjectSet, usersetKey, type Subject, type Userset } from "../tuples";
import { isBounded, modelIndex, rewriteLeaves } from "./analysis";

/**
 * Objects that could grant `subject` the relation: a breadth-first walk up the reverse graph (tuples naming
 * the subject, computed permissions, traversals), bounded by depth. A superset; list-objects filters it by check.
 */
export async function objectCandidates(model: NamespaceModel, store: TupleReader, namespace: string, relation: string, subject: Subject, maxDepth: number): Promise<string[]> {
  const index = modelIndex(model);
  const visited = new Map<string, Userset>();
  let frontier: Userset[] = [];
  const visit = (u: Userset) => {
    const key = usersetKey(u);
    if (!visited.has(key)) {
      visited.set(key, u);
      frontier.push(u);
    }
  };
  if (subject.type === "set" && subject.relation) visit(subject);
  for (const u of await store.holders(subject)) visit(u);
  // A permission with negation can hold for a subject no tuple mentions; seed each of them on every known object.
  for (const [key, bounded] of index.bounded) {
    if (bounded) continue;
    const [ns, permit] = key.split("#");
    for (const object of await store.objectsOf(ns)) visit({ namespace: ns, object, relation: permit });
  }
  for (let level = 0; level <= maxDepth && frontier.length; level++) {
    const current = frontier;
    frontier = [];
    await Promise.all(current.map(async (u) => {
      for (const holder of await store.holders(subjectSet(u.namespace, u.object, u.relation))) visit(holder);
      for (const permit of index.computedBy.get(`${u.namespace}#${u.relation}`) ?? []) visit({ ...u, relation: permit });
      for (const edge of index.traversedBy.get(u.relation) ?? []) {
        for (const object of await store.traversedFrom(edge.namespace, edge.relation, u.namespace, u.object)) {
          visit({ namespace: edge.namespace, object, relation: edge.permit });
        }
      }
    }));
  }
  const objects = new Set<string>();
  for (const u of visited.values()) if (u.namespace === namespace && u.relation === relation) objects.add(u.object);
  return [...objects].sort();
}

/** Subjects that could hold the relation on the object: a walk down the rewrite and subject-set graph. */
export async function subjectCandidates(model: NamespaceModel, store: TupleReader, target: Userset, maxDepth: number): Promise<Subject[]> {
  const subjects = new Map<string, Subject>();
  const everyone = async () => {
    for (const s of await store.allSubjects()) subjects.set(subjectKey(s), s);
    return sortSubjects(subjects);
  };
  let unbounded = !isBounded(model, target.namespace, target.relation);
  const visited = new Set<string>([usersetKey(target)]);
  let frontier: Userset[] = [target];
  const visit = (u: Userset, next: Userset[]) => {
    const key = usersetKey(u);
    if (!visited.has(key)) {
      visited.add(key);
      next.push(u);
    }
  };
  for (let level = 0; level <= maxDepth && frontier.length && !unbounded; level++) {
    const next: Userset[] = [];
    await Promise.all(frontier.map(async (u) => {
      const rewrite = model.namespaces.get(u.namespace)?.permits.get(u.relation);
      // Negation below this point can grant subjects that no tuple on the way mentions.
      if (rewrite && !isBounded(model, u.namespace, u.relation)) unbounded = true;
      if (!rewrite) {
        for (const s of await store.subjects(u.namespace, u.object, u.relation)) {
          subjects.set(subjectKey(s), s);
          if (s.type === "set" && s.relation) visit(s, next);
        }
        return;
      }
      for (const leaf of rewriteLeaves(rewrite)) {
        if (leaf.kind === "computed") visit({ ...u, relation: leaf.relation }, next);
        else {
          const { sets } = await store.lookup(u.namespace, u.object, leaf.relation, undefined);
          for (const s of sets) visit({ namespace: s.namespace, object: s.object, relation: leaf.computed }, next);
        }
      }
    }));
    frontier = next;
  }
  return unbounded ? everyone() : sortSubjects(subjects);
}

function sortSubjects(subjects: Map<string, Subject>): Subject[] {
  return [...subjects.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}
