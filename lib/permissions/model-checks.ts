import { badRequest, notFound } from "@/lib/core/errors";
import { isOpen, type NamespaceDefinition, type NamespaceModel } from "./opl/ast";
import type { RelationTuple, Subject } from "./tuples";

function namespaceOf(model: NamespaceModel, name: string, role: string): NamespaceDefinition {
  const ns = model.namespaces.get(name);
  if (!ns) throw badRequest(`Unknown namespace "${name}" (${role}).`, { id: "unknown_namespace", reason: `The namespace ${name} is not declared in this project's permission configuration.` });
  return ns;
}

const declares = (ns: NamespaceDefinition, relation: string) => isOpen(ns) || ns.relations.has(relation) || ns.permits.has(relation);

function checkSubject(model: NamespaceModel, subject: Subject): void {
  if (subject.type === "id") return;
  const ns = namespaceOf(model, subject.namespace, "subject set");
  if (subject.relation && !declares(ns, subject.relation)) {
    throw badRequest(`Unknown relation "${subject.relation}" in namespace "${subject.namespace}" (subject set).`, { id: "unknown_relation" });
  }
}

/**
 * Strict mode (Keto's `namespaces.experimental_strict_mode`): the subject must be of a type the relation
 * declares: `SubjectSet<N, "r">` admits `N:x#r`; a plain `N` admits `N:x` and subject ids (an id names no
 * namespace, so any plain type admits it).
 */
function assertDeclaredSubjectType(ns: NamespaceDefinition, tuple: RelationTuple): void {
  const types = ns.relations.get(tuple.relation)?.types;
  if (!types) return;
  const { subject } = tuple;
  const admitted = subject.type === "id"
    ? types.some((t) => !t.relation)
    : types.some((t) => t.namespace === subject.namespace && (t.relation ?? "") === subject.relation);
  if (!admitted) {
    const declared = types.map((t) => (t.relation ? `SubjectSet<${t.namespace}, "${t.relation}">` : t.namespace)).join(" | ") || "nothing";
    throw badRequest(`The subject is not of a type "${tuple.namespace}#${tuple.relation}" declares (${declared}).`, {
      id: "subject_type_mismatch",
      reason: "The project's permission configuration is in strict mode (namespaces.experimental_strict_mode).",
    });
  }
}

/** A tuple to store: its relation must be a declared relation (permissions are computed, never stored). */
export function assertWritable(model: NamespaceModel, tuple: RelationTuple, strict = false): void {
  const ns = namespaceOf(model, tuple.namespace, "relationship");
  if (!isOpen(ns) && !ns.relations.has(tuple.relation)) {
    throw badRequest(
      ns.permits.has(tuple.relation)
        ? `"${tuple.relation}" is a permission of namespace "${tuple.namespace}"; permissions are computed and cannot be written.`
        : `Unknown relation "${tuple.relation}" in namespace "${tuple.namespace}".`,
      { id: "unknown_relation" },
    );
  }
  checkSubject(model, tuple.subject);
  if (strict && !isOpen(ns)) assertDeclaredSubjectType(ns, tuple);
}

/** A question to check or expand: relation or permission must be declared. */
export function assertCheckable(model: NamespaceModel, namespace: string, relation: string, subject?: Subject): void {
  const ns = namespaceOf(model, namespace, "checked object");
  if (!declares(ns, relation)) throw badRequest(`Unknown relation "${relation}" in namespace "${namespace}".`, { id: "unknown_relation" });
  if (subject) checkSubject(model, subject);
}

/** A list query: an unknown namespace is a 404, as in Keto. */
export function assertQueryable(model: NamespaceModel, namespace: string | undefined): void {
  if (namespace !== undefined && !model.namespaces.has(namespace)) {
    throw notFound(`Unknown namespace "${namespace}".`, { id: "unknown_namespace" });
  }
}
