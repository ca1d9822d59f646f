import { z } from "zod";
import type { RelationTuple } from "@/lib/permissions/tuples";

/**
 * The console's add/delete relationship form: namespace, object, relation and a subject that is either an id or a
 * subject set (Keto's `subject_id` XOR `subject_set`). Messages are i18n keys of the `errors` namespace.
 */
const field = (max: number) => z.string().trim().max(max, "tooLong").default("");

/** Every field is a string (an empty one is missing), so every missing field is reported at once. */
export const relationshipInputSchema = z
  .object({
    namespace: field(200),
    object: field(1000),
    relation: field(200),
    subjectKind: z.enum(["id", "set"]),
    subjectId: field(1000),
    subjectNamespace: field(200),
    subjectObject: field(1000),
    subjectRelation: field(200),
  })
  .superRefine((input, ctx) => {
    const subject: (keyof typeof input)[] = input.subjectKind === "id" ? ["subjectId"] : ["subjectNamespace", "subjectObject"];
    const required: (keyof typeof input)[] = ["namespace", "object", "relation", ...subject];
    for (const key of required) if (!input[key]) ctx.addIssue({ code: "custom", path: [key], message: "required" });
  });

export type RelationshipInput = z.infer<typeof relationshipInputSchema>;

export const RELATIONSHIP_FIELDS = ["namespace", "object", "relation", "subjectKind", "subjectId", "subjectNamespace", "subjectObject", "subjectRelation"] as const;

export function tupleFromInput(input: RelationshipInput): RelationTuple {
  return {
    namespace: input.namespace,
    object: input.object,
    relation: input.relation,
    subject:
      input.subjectKind === "id"
        ? { type: "id", id: input.subjectId }
        : { type: "set", namespace: input.subjectNamespace, object: input.subjectObject, relation: input.subjectRelation },
  };
}
