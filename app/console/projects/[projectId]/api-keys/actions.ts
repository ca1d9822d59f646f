"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createProjectApiKey, revokeProjectApiKey } from "@/lib/apikeys";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { CREATE_KEY_FIELDS, createKeyFormSchema, type CreatedKey } from "@/app/_lib/api-key-form";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";

const revokeSchema = z.object({ keyId: z.uuid("invalid") });

export async function createApiKeyAction(projectId: string, _previous: FormState<CreatedKey>, form: FormData): Promise<FormState<CreatedKey>> {
  const access = await currentConsoleAccess();
  const values = formValues(form, CREATE_KEY_FIELDS);
  const parsed = createKeyFormSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  try {
    const key = await createProjectApiKey(access, projectId, parsed.data);
    revalidatePath(`/console/projects/${projectId}/api-keys`);
    return { result: { name: key.name, prefix: key.prefix, token: key.value }, submittedAt: Date.now() };
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
}

export async function revokeApiKeyAction(projectId: string, _previous: FormState<{ revoked: boolean }>, form: FormData): Promise<FormState<{ revoked: boolean }>> {
  const access = await currentConsoleAccess();
  const parsed = revokeSchema.safeParse({ keyId: form.get("keyId") });
  if (!parsed.success) return { formError: "invalid", submittedAt: Date.now() };
  try {
    await revokeProjectApiKey(access, projectId, parsed.data.keyId);
  } catch (error) {
    return { formError: actionErrorKey(error), submittedAt: Date.now() };
  }
  revalidatePath(`/console/projects/${projectId}/api-keys`);
  return { result: { revoked: true }, submittedAt: Date.now() };
}
