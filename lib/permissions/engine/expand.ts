import { admitsSet, admitsSubject, computedCost, readsStoredTuples, relationKind } from "../declarations";
import type { NamespaceModel, Rewrite } from "../opl/ast";
import type { TupleReader } from "../store/types";
import type { Subject, SubjectSet, Userset } from "../tuples";

/** Keto's `expandedPermissionTree`: each node's `tuple` carries the node's subject (id or subject set). */
export interface ExpandTree {
  type: "union" | "exclusion" | "intersection" | "leaf" | "tuple_to_subject_set" | "computed_subject_set" | "not" | "unspecified";
  tuple?: { namespace: string; object: string; relation: string; subject_id?: string; subject_set?: SubjectSet };
  children?: ExpandTree[];
}

const subjectTuple = (subject: Subject): ExpandTree["tuple"] =>
  subject.type === "id"
    ? { namespace: "", object: "", relation: "", subject_id: subject.id }
    : { namespace: "", object: "", relation: "", subject_set: { namespace: subject.namespace, object: subject.object, relation: subject.relation } };

const setTuple = (u: Userset) => subjectTuple({ type: "set", ...u });

/**
 * Expands `ns:obj#rel` into the tree of subjects (Zanzibar §2.4.5), following OPL rewrites, with check's rules:
 * the same depth costs, and only the stored tuples check reads (declarations.ts).
 */
export async function expand(model: NamespaceModel, store: TupleReader, target: Userset, depth: number): Promise<ExpandTree | undefined> {
  if (depth <= 0) return undefined;
  const kind = relationKind(model, target.namespace, target.relation);
  const rewrite = kind === "permit" ? model.namespaces.get(target.namespace)!.permits.get(target.relation) : undefined;
  const stored = readsStoredTuples(model, kind) ? await expandStored(model, store, target, depth) : undefined;
  if (!rewrite) return stored ?? { type: "union", tuple: setTuple(target), children: [] };
  const computed = await expandRewrite(model, store, target, rewrite, depth);
  // Tuples stored under a permission's name (Keto's non-strict mode) join its rewrite.
  return stored?.children?.length ? { type: "union", tuple: setTuple(target), children: [computed, ...stored.children] } : computed;
}

async function expandStored(model: NamespaceModel, store: TupleReader, target: Userset, depth: number): Promise<ExpandTree> {
  const subjects = (await store.subjects(target.namespace, target.object, target.relation))
    .filter((s) => admitsSubject(model, target.namespace, target.relation, s));
  const children = await Promise.all(subjects.map(async (subject): Promise<ExpandTree> => {
    if (subject.type === "set" && subject.relation) {
      const child = await expand(model, store, subject, depth - 1);
      if (child) return child;
    }
    return { type: "leaf", tuple: subjectTuple(subject) };
  }));
  return { type: depth <= 1 && children.length === 0 ? "leaf" : "union", tuple: setTuple(target), children };
}

async function expandRewrite(model: NamespaceModel, store: TupleReader, target: Userset, rewrite: Rewrite, depth: number): Promise<ExpandTree> {
  switch (rewrite.kind) {
    case "computed": {
      const cost = computedCost(model, target.namespace, rewrite.relation);
      const child = await expand(model, store, { ...target, relation: rewrite.relation }, depth - cost);
      return { type: "computed_subject_set", tuple: setTuple({ ...target, relation: rewrite.relation }), children: child ? [child] : [] };
    }
    case "traverse": {
      const { sets } = await store.lookup(target.namespace, target.object, rewrite.relation, undefined);
      const parents = sets.filter((s) => admitsSet(model, target.namespace, rewrite.relation, s));
      const children = await Promise.all(parents.map((s) => expand(model, store, { namespace: s.namespace, object: s.object, relation: rewrite.computed }, depth - 1)));
      return { type: "tuple_to_subject_set", tuple: setTuple({ ...target, relation: rewrite.relation }), children: children.filter((c): c is ExpandTree => Boolean(c)) };
    }
    case "not":
      return { type: "not", tuple: setTuple(target), children: [await expandRewrite(model, store, target, rewrite.child, depth)] };
    case "union":
    case "intersection":
      return { type: rewrite.kind, tuple: setTuple(target), children: await Promise.all(rewrite.children.map((c) => expandRewrite(model, store, target, c, depth))) };
  }
}
