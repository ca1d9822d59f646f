import type { NamespaceModel, SubjectType } from "./opl/ast";
import type { Subject, SubjectSet } from "./tuples";

/**
 * What the OPL makes of `namespace#relation`, the one place check, expand, list and writes ask:
 * - `relation`: declared in `related`; its stored tuples count when their subject is of a declared type.
 * - `permit`: declared in `permits`; computed. Keto's non-strict mode also reads tuples stored under its name.
 * - `open`: declared nowhere, in non-strict mode (Keto's default): stored and read like a relation of a
 *   config-less Keto namespace, with any subject.
 * - `none`: an unknown namespace, or an undeclared relation in strict mode: nothing is stored or read.
 */
export type RelationKind = "relation" | "permit" | "open" | "none";

export function relationKind(model: NamespaceModel, namespace: string, relation: string): RelationKind {
  const ns = model.namespaces.get(namespace);
  if (!ns) return "none";
  if (ns.relations.has(relation)) return "relation";
  if (ns.permits.has(relation)) return "permit";
  return model.strict ? "none" : "open";
}

/** Whether evaluation reads the tuples stored under `namespace#relation` (Keto strict mode ignores permits'). */
export function readsStoredTuples(model: NamespaceModel, kind: RelationKind): boolean {
  return kind === "relation" || kind === "open" || (kind === "permit" && !model.strict);
}

/**
 * Whether a subject set `N:o#r` (relation `""` for a plain object reference `N:o`) is of a declared type:
 * `SubjectSet<N, "r">` admits `N:o#r`, a plain `N` admits `N:o`.
 */
export const setConforms = (types: SubjectType[], set: SubjectSet): boolean =>
  types.some((t) => t.namespace === set.namespace && (t.relation ?? "") === set.relation);

/** A subject id names no namespace, so any plain type admits it (Keto: `owner: User[]` holds `User:1` and `1`). */
export const subjectConforms = (types: SubjectType[], subject: Subject): boolean =>
  subject.type === "id" ? types.some((t) => !t.relation) : setConforms(types, subject);

/** The declared subject types of a stored relation; undefined when any subject is admitted (permits, open relations). */
export function declaredTypes(model: NamespaceModel, namespace: string, relation: string): SubjectType[] | undefined {
  return model.namespaces.get(namespace)?.relations.get(relation)?.types;
}

/**
 * OpenFGA's "discard invalid tuples", for direct, subject-set and traversal reads alike: a stored tuple whose
 * subject is not of a type the relation declares is ignored, as if it were not stored (it may predate the OPL).
 */
export function admitsSubject(model: NamespaceModel, namespace: string, relation: string, subject: Subject): boolean {
  const types = declaredTypes(model, namespace, relation);
  return types === undefined || subjectConforms(types, subject);
}

export function admitsSet(model: NamespaceModel, namespace: string, relation: string, set: SubjectSet): boolean {
  const types = declaredTypes(model, namespace, relation);
  return types === undefined || setConforms(types, set);
}

/** `this.permits.p(ctx)` costs one hop of depth; `this.related.r.includes(ctx.subject)` reads at the same depth. */
export const computedCost = (model: NamespaceModel, namespace: string, relation: string): number =>
  model.namespaces.get(namespace)?.permits.has(relation) ? 1 : 0;
