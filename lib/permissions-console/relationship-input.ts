import { z } from "zod";
import type { RelationTuple } from "@/lib/permissions/tuples";

/**
 * The console's add/delete relationship form: namespace, object, relation and a subject that is either an id or a
 * subject set (Keto's `subject_id` XOR `subject_set`). Messages are i18n keys of the `errors` namespace.
 */
const name = z.string().trim().min(1, "required").max(200, "tooLong");
const text = z.string().trim().max(1000, "tooLong");

export const relationshipInputSchema = z
  .object({
    namespace: name,
    object: text.min(1, "required"),
    relation: name,
    subjectKind: z.enum(["id", "set"]),
    subjectId: text.optional(),
    subjectNamespace: z.string().trim().max(200, "tooLong").optional(),
    subjectObject: text.optional(),
    subjectRelation: z.string().trim().max(200, "tooLong").optional(),
  })
  .superRefine((input, ctx) => {
    if (input.subjectKind === "id" && !input.subjectId) ctx.addIssue({ code: "custom", path: ["subjectId"], message: "required" });
    if (input.subjectKind === "set") {
      if (!input.subjectNamespace) ctx.addIssue({ code: "custom", path: ["subjectNamespace"], message: "required" });
      if (!input.subjectObject) ctx.addIssue({ code: "custom", path: ["subjectObject"], message: "required" });
    }
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
        ? { type: "id", id: input.subjectId ?? "" }
        : { type: "set", namespace: input.subjectNamespace ?? "", object: input.subjectObject ?? "", relation: input.subjectRelation ?? "" },
  };
}
