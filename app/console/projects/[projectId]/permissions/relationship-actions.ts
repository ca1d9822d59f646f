"use server";

import { revalidatePath } from "next/cache";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";
import { AppError } from "@/lib/core/errors";
import { formatTuple } from "@/lib/permissions/tuples";
import { addRelationship, deleteRelationship, RELATIONSHIP_FIELDS, relationshipInputSchema, tupleFromInput } from "@/lib/permissions-console";

export interface RelationshipWritten {
  tuple: string;
}

/** A model refusal (unknown relation in strict mode, wrong subject type, undeclared namespace): the engine's reason. */
function refusal(error: unknown): string | undefined {
  return error instanceof AppError && error.code === "bad_request" ? (error.reason ?? error.message) : undefined;
}

async function write(projectId: string, form: FormData, op: typeof addRelationship): Promise<FormState<RelationshipWritten>> {
  const access = await currentConsoleAccess();
  const values = formValues(form, RELATIONSHIP_FIELDS);
  const parsed = relationshipInputSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  const tuple = tupleFromInput(parsed.data);
  try {
    await op(access, projectId, tuple);
  } catch (error) {
    const reason = refusal(error);
    if (reason) return { formError: "rejected", values: { ...values, reason }, submittedAt: Date.now() };
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
  revalidatePath(`/console/projects/${projectId}/permissions`);
  return { result: { tuple: formatTuple(tuple) }, values, submittedAt: Date.now() };
}

export async function addRelationshipAction(projectId: string, _previous: FormState<RelationshipWritten>, form: FormData): Promise<FormState<RelationshipWritten>> {
  return write(projectId, form, addRelationship);
}

export async function deleteRelationshipAction(projectId: string, _previous: FormState<RelationshipWritten>, form: FormData): Promise<FormState<RelationshipWritten>> {
  return write(projectId, form, deleteRelationship);
}
