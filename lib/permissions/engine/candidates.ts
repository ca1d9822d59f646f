import { computedCost, readsStoredTuples, relationKind } from "../declarations";
import type { NamespaceModel } from "../opl/ast";
import type { TupleReader } from "../store/types";
import { subjectKey, subjectSet, usersetKey, type Subject, type Userset } from "../tuples";
import { isBounded, modelIndex, rewriteLeaves } from "./analysis";

/** Reports a neighbour of a userset and what reaching it costs in check's depth (0 or 1). */
type Step = (u: Userset, reach: (next: Userset, cost: number) => void) => Promise<void>;

/**
 * Every userset within `maxDepth` of the seeds, by check's costs (a 0-1 breadth-first walk: free steps stay on
 * their level). A userset first reached at a higher cost is walked again when a cheaper way turns up, so the
 * result never depends on the order in which lookups return.
 */
async function walk(seeds: Userset[], maxDepth: number, step: Step): Promise<Map<string, Userset>> {
  const best = new Map<string, number>();
  const found = new Map<string, Userset>();
  const queues: Userset[][] = [[]];
  const reach = (u: Userset, level: number) => {
    const key = usersetKey(u);
    if (level > maxDepth || (best.get(key) ?? Infinity) <= level) return;
    best.set(key, level);
    found.set(key, u);
    (queues[level] ??= []).push(u);
  };
  for (const seed of seeds) reach(seed, 0);
  for (let level = 0; level <= maxDepth; level++) {
    for (let queue = queues[level] ?? []; queue.length; queue = queues[level] ?? []) {
      queues[level] = [];
      const current = queue.filter((u) => best.get(usersetKey(u)) === level);
      await Promise.all(current.map((u) => step(u, (next, cost) => reach(next, level + cost))));
    }
  }
  return found;
}

/**
 * Objects that could grant `subject` the relation: a walk up the reverse graph (tuples naming the subject,
 * computed permissions, traversals) within check's depth. A superset; list-objects filters it by check.
 */
export async function objectCandidates(model: NamespaceModel, store: TupleReader, namespace: string, relation: string, subject: Subject, maxDepth: number): Promise<string[]> {
  const index = modelIndex(model);
  // A subject set is a member of itself; the usersets holding the subject are where check finds it stored.
  const seeds: Userset[] = subject.type === "set" && subject.relation ? [subject] : [];
  seeds.push(...(await store.holders(subject)));
  // A permission with negation can hold for a subject no tuple mentions; seed each of them on every known object.
  for (const [key, bounded] of index.bounded) {
    if (bounded) continue;
    const [ns, permit] = key.split("#");
    for (const object of await store.objectsOf(ns)) seeds.push({ namespace: ns, object, relation: permit });
  }
  const found = await walk(seeds, maxDepth, async (u, reach) => {
    for (const holder of await store.holders(subjectSet(u.namespace, u.object, u.relation))) reach(holder, 1);
    for (const permit of index.computedBy.get(`${u.namespace}#${u.relation}`) ?? []) {
      reach({ ...u, relation: permit }, computedCost(model, u.namespace, u.relation));
    }
    for (const edge of index.traversedBy.get(u.relation) ?? []) {
      for (const object of await store.traversedFrom(edge.namespace, edge.relation, u.namespace, u.object)) {
        reach({ namespace: edge.namespace, object, relation: edge.permit }, 1);
      }
    }
  });
  const objects = new Set<string>();
  for (const u of found.values()) if (u.namespace === namespace && u.relation === relation) objects.add(u.object);
  return [...objects].sort();
}

/** Subjects that could hold the relation on the object: a walk down the rewrite and subject-set graph. */
export async function subjectCandidates(model: NamespaceModel, store: TupleReader, target: Userset, maxDepth: number): Promise<Subject[]> {
  const subjects = new Map<string, Subject>();
  const add = (s: Subject) => subjects.set(subjectKey(s), s);
  let unbounded = false;
  const found = await walk([target], maxDepth, async (u, reach) => {
    if (unbounded) return;
    const kind = relationKind(model, u.namespace, u.relation);
    const rewrite = kind === "permit" ? model.namespaces.get(u.namespace)!.permits.get(u.relation) : undefined;
    // Negation below this point can grant subjects that no tuple on the way mentions.
    if (rewrite && !isBounded(model, u.namespace, u.relation)) unbounded = true;
    if (readsStoredTuples(model, kind)) {
      for (const s of await store.subjects(u.namespace, u.object, u.relation)) {
        add(s);
        if (s.type === "set" && s.relation) reach(s, 1);
      }
    }
    for (const leaf of rewrite ? rewriteLeaves(rewrite) : []) {
      if (leaf.kind === "computed") reach({ ...u, relation: leaf.relation }, computedCost(model, u.namespace, leaf.relation));
      else {
        const { sets } = await store.lookup(u.namespace, u.object, leaf.relation, undefined);
        for (const s of sets) reach({ namespace: s.namespace, object: s.object, relation: leaf.computed }, 1);
      }
    }
  });
  // A subject set is a member of itself, so every userset on the way is a candidate — if the project knows it
  // as a subject (subjects that appear in no tuple are never listed).
  for (const u of await store.storedAsSubjects([...found.values()])) add(subjectSet(u.namespace, u.object, u.relation));
  if (unbounded) for (const s of await store.allSubjects()) add(s);
  return [...subjects.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}
