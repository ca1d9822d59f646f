/** Relation tuples (Zanzibar §2.1): `namespace:object#relation@subject`. */
export interface SubjectSet {
  namespace: string;
  object: string;
  /** Empty for a plain object reference (`Folder:x`), used by traverse. */
  relation: string;
}

export type Subject = { type: "id"; id: string } | ({ type: "set" } & SubjectSet);

export interface RelationTuple {
  namespace: string;
  object: string;
  relation: string;
  subject: Subject;
}

/** An object's relation or permission: `namespace:object#relation`. */
export interface Userset {
  namespace: string;
  object: string;
  relation: string;
}

export const subjectId = (id: string): Subject => ({ type: "id", id });
export const subjectSet = (namespace: string, object: string, relation = ""): Subject => ({ type: "set", namespace, object, relation });

export function subjectKey(subject: Subject): string {
  return subject.type === "id" ? `id:${subject.id}` : `set:${subject.namespace}:${subject.object}#${subject.relation}`;
}

export function sameSubject(a: Subject, b: Subject): boolean {
  if (a.type === "id") return b.type === "id" && a.id === b.id;
  return b.type === "set" && a.namespace === b.namespace && a.object === b.object && a.relation === b.relation;
}

export const usersetKey = (u: Userset) => `${u.namespace}:${u.object}#${u.relation}`;

/** Keto's string form: `ns:obj#rel@subject_id` or `ns:obj#rel@ns2:obj2#rel2`. */
export function formatSubject(subject: Subject): string {
  if (subject.type === "id") return subject.id;
  return subject.relation ? `${subject.namespace}:${subject.object}#${subject.relation}` : `${subject.namespace}:${subject.object}`;
}

export const formatTuple = (t: RelationTuple) => `${t.namespace}:${t.object}#${t.relation}@${formatSubject(t.subject)}`;
