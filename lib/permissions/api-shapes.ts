import { z } from "zod";
import type { RelationTuple, Subject } from "./tuples";

/** Keto's relationship JSON and query parameters, validated at the edge. */
const MAX_KEY_BYTES = 2000; // a btree entry must stay below PostgreSQL's ~2.7 kB limit
const name = z.string().min(1).max(64);
const id = z.string().min(1).max(1024);

export const subjectSetSchema = z.object({ namespace: name, object: id, relation: z.string().max(64) });
export type ApiSubjectSet = z.infer<typeof subjectSetSchema>;

export const relationshipSchema = z
  .object({
    namespace: name,
    object: id,
    relation: name,
    subject_id: id.optional(),
    subject_set: subjectSetSchema.optional(),
  })
  .refine((r) => (r.subject_id === undefined) !== (r.subject_set === undefined), {
    message: "exactly one of subject_set or subject_id has to be provided",
    path: ["subject_id"],
  })
  .refine((r) => Buffer.byteLength(JSON.stringify(r)) <= MAX_KEY_BYTES, { message: `a relationship must be at most ${MAX_KEY_BYTES} bytes` });
export type ApiRelationship = z.infer<typeof relationshipSchema>;

export const patchSchema = z.array(z.object({ action: z.enum(["insert", "delete"]), relation_tuple: relationshipSchema })).max(1000);

export function toTuple(r: ApiRelationship): RelationTuple {
  return { namespace: r.namespace, object: r.object, relation: r.relation, subject: toSubject(r) };
}

export function toSubject(r: { subject_id?: string; subject_set?: ApiSubjectSet }): Subject {
  return r.subject_set ? { type: "set", ...r.subject_set } : { type: "id", id: r.subject_id! };
}

export function fromSubject(subject: Subject): { subject_id: string } | { subject_set: ApiSubjectSet } {
  return subject.type === "id"
    ? { subject_id: subject.id }
    : { subject_set: { namespace: subject.namespace, object: subject.object, relation: subject.relation } };
}

export const fromTuple = (t: RelationTuple) => ({ namespace: t.namespace, object: t.object, relation: t.relation, ...fromSubject(t.subject) });

/** Query parameters naming a subject: `subject_id` or `subject_set.namespace|object|relation`. */
const optional = (schema: z.ZodString) => schema.optional();
export const tupleQuerySchema = z.object({
  namespace: optional(name),
  object: optional(id),
  relation: optional(name),
  subject_id: optional(id),
  "subject_set.namespace": optional(name),
  "subject_set.object": optional(id),
  "subject_set.relation": z.string().max(64).optional(),
});
export type TupleQuery = z.infer<typeof tupleQuerySchema>;

/** The subject a query names, if any; a partial subject set is a 400. */
export function querySubject(q: TupleQuery): Subject | undefined {
  const ns = q["subject_set.namespace"];
  const obj = q["subject_set.object"];
  const rel = q["subject_set.relation"];
  if (ns === undefined && obj === undefined && rel === undefined) return q.subject_id === undefined ? undefined : { type: "id", id: q.subject_id };
  if (q.subject_id !== undefined) throw new z.ZodError([{ code: "custom", path: ["subject_id"], message: "exactly one of subject_set or subject_id has to be provided", input: q }]);
  if (!ns || !obj) {
    throw new z.ZodError([{ code: "custom", path: ["subject_set"], message: "subject_set.namespace and subject_set.object are required (subject_set.relation may be empty)", input: q }]);
  }
  return { type: "set", namespace: ns, object: obj, relation: rel ?? "" };
}

/** Keto's `max-depth` query parameter. */
export const maxDepthSchema = z.coerce.number().int().refine(Number.isSafeInteger, "max-depth must be an integer").optional();
