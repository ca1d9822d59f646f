import { badRequest, notFound } from "@/lib/core/errors";
import { relationKind, subjectConforms } from "./declarations";
import { declaresNothing, type NamespaceDefinition, type NamespaceModel } from "./opl/ast";
import type { RelationTuple, Subject } from "./tuples";

function namespaceOf(model: NamespaceModel, name: string, role: string): NamespaceDefinition {
  const ns = model.namespaces.get(name);
  if (!ns) throw badRequest(`Unknown namespace "${name}" (${role}).`, { id: "unknown_namespace", reason: `The namespace ${name} is not declared in this project's permission configuration.` });
  return ns;
}

/** Keto's error for a relation its namespace does not declare (herodot's 400 with this reason). */
const noSuchRelation = (namespace: string, relation: string, role: string) =>
  badRequest(`Unknown relation "${relation}" in namespace "${namespace}" (${role}).`, { id: "unknown_relation", reason: `relation "${relation}" does not exist` });

function checkSubject(model: NamespaceModel, subject: Subject): void {
  if (subject.type === "id") return;
  namespaceOf(model, subject.namespace, "subject set");
  if (subject.relation && relationKind(model, subject.namespace, subject.relation) === "none") throw noSuchRelation(subject.namespace, subject.relation, "subject set");
}

const strictReason = "The project's permission configuration is in strict mode (namespaces.experimental_strict_mode).";

/**
 * Strict mode (Keto's `namespaces.experimental_strict_mode`): only tuples the OPL describes are stored — a
 * declared relation (never a permission) and a subject of a type it declares.
 */
function assertConforms(ns: NamespaceDefinition, tuple: RelationTuple): void {
  if (ns.permits.has(tuple.relation)) {
    throw badRequest(`"${tuple.relation}" is a permission of namespace "${tuple.namespace}"; permissions are computed and cannot be written.`, { id: "unknown_relation", reason: strictReason });
  }
  const types = ns.relations.get(tuple.relation)?.types;
  if (!types) throw noSuchRelation(tuple.namespace, tuple.relation, "relationship");
  if (!subjectConforms(types, tuple.subject)) {
    const declared = types.map((t) => (t.relation ? `SubjectSet<${t.namespace}, "${t.relation}">` : t.namespace)).join(" | ") || "nothing";
    throw badRequest(`The subject is not of a type "${tuple.namespace}#${tuple.relation}" declares (${declared}).`, { id: "subject_type_mismatch", reason: strictReason });
  }
}

/**
 * A tuple to store. As in Keto's default (non-strict) mode any relation of a declared namespace is accepted —
 * permissions' and undeclared ones included (evaluation decides what they mean, declarations.ts); in strict mode
 * the tuple must conform to the OPL.
 */
export function assertInsertable(model: NamespaceModel, tuple: RelationTuple): void {
  const ns = namespaceOf(model, tuple.namespace, "relationship");
  checkSubject(model, tuple.subject);
  if (model.strict) assertConforms(ns, tuple);
}

/** A tuple to delete: any tuple of a declared namespace, so strict mode can clean up what predates it. */
export function assertDeletable(model: NamespaceModel, tuple: RelationTuple): void {
  namespaceOf(model, tuple.namespace, "relationship");
}

/**
 * A question to check, expand or list: a declared relation or permission — or, in non-strict mode, any relation
 * of a namespace that declares none (Keto: a namespace without relations accepts every relation name; one that
 * declares relations answers 400 `relation "x" does not exist` for the others).
 */
export function assertCheckable(model: NamespaceModel, namespace: string, relation: string, subject?: Subject): void {
  const ns = namespaceOf(model, namespace, "checked object");
  const kind = relationKind(model, namespace, relation);
  if (kind === "none" || (kind === "open" && !declaresNothing(ns))) throw noSuchRelation(namespace, relation, "checked object");
  if (subject) checkSubject(model, subject);
}

/** A list query: an unknown namespace is a 404, as in Keto. */
export function assertQueryable(model: NamespaceModel, namespace: string | undefined): void {
  if (namespace !== undefined && !model.namespaces.has(namespace)) {
    throw notFound(`Unknown namespace "${namespace}".`, { id: "unknown_namespace" });
  }
}
