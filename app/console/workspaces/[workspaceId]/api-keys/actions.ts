"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createWorkspaceApiKey, revokeWorkspaceApiKey } from "@/lib/workspaces";
import { CREATE_KEY_FIELDS, createKeyFormSchema, type CreatedKey } from "@/app/_lib/api-key-form";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";

const revokeSchema = z.object({ keyId: z.uuid("invalid") });
const keysPath = (workspaceId: string) => `/console/workspaces/${workspaceId}/api-keys`;

/** Issues a workspace key (`pc_wak_…`, console API); the domain function checks the caller may manage the workspace. */
export async function createWorkspaceKeyAction(workspaceId: string, _previous: FormState<CreatedKey>, form: FormData): Promise<FormState<CreatedKey>> {
  const access = await currentConsoleAccess();
  const values = formValues(form, CREATE_KEY_FIELDS);
  const parsed = createKeyFormSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  try {
    const key = await createWorkspaceApiKey(access, workspaceId, parsed.data);
    revalidatePath(keysPath(workspaceId));
    return { result: { name: key.name, prefix: key.prefix, token: key.value }, submittedAt: Date.now() };
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
}

export async function revokeWorkspaceKeyAction(workspaceId: string, _previous: FormState<{ revoked: boolean }>, form: FormData): Promise<FormState<{ revoked: boolean }>> {
  const access = await currentConsoleAccess();
  const parsed = revokeSchema.safeParse({ keyId: form.get("keyId") });
  if (!parsed.success) return { formError: "invalid", submittedAt: Date.now() };
  try {
    await revokeWorkspaceApiKey(access, workspaceId, parsed.data.keyId);
  } catch (error) {
    return { formError: actionErrorKey(error), submittedAt: Date.now() };
  }
  revalidatePath(keysPath(workspaceId));
  return { result: { revoked: true }, submittedAt: Date.now() };
}
