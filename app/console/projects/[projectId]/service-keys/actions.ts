"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleServiceKeyFormSchema, issueConsoleServiceKey, revokeConsoleServiceKey } from "@/lib/api-key-service";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";
import type { CreatedKey } from "@/app/_lib/api-key-form";

const path = (projectId: string) => `/console/projects/${projectId}/service-keys`;

/** Issues a key of the project's API key service; the secret comes back once, for the dialog. */
export async function createServiceKeyAction(projectId: string, _previous: FormState<CreatedKey>, form: FormData): Promise<FormState<CreatedKey>> {
  const access = await currentConsoleAccess();
  const values = formValues(form, ["name", "scopes", "expires"]);
  const parsed = consoleServiceKeyFormSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  try {
    const key = await issueConsoleServiceKey(access, projectId, parsed.data);
    revalidatePath(path(projectId));
    return { result: key, submittedAt: Date.now() };
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
}

const revokeSchema = z.object({ keyId: z.uuid("invalid") });

export async function revokeServiceKeyAction(projectId: string, _previous: FormState<{ revoked: boolean }>, form: FormData): Promise<FormState<{ revoked: boolean }>> {
  const access = await currentConsoleAccess();
  const parsed = revokeSchema.safeParse({ keyId: form.get("keyId") });
  if (!parsed.success) return { formError: "invalid", submittedAt: Date.now() };
  try {
    await revokeConsoleServiceKey(access, projectId, parsed.data.keyId);
  } catch (error) {
    return { formError: actionErrorKey(error), submittedAt: Date.now() };
  }
  revalidatePath(path(projectId));
  return { result: { revoked: true }, submittedAt: Date.now() };
}
