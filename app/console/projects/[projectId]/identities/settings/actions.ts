"use server";

import { revalidatePath } from "next/cache";
import { identitySettingsPatch, identitySettingsSchema } from "@/lib/identity-console/identity-settings";
import { getProject, patchProject } from "@/lib/projects";
import { invalidateProject } from "@/lib/projects/lookup";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";

const keys = ["minPasswordLength", "maxBreaches", "sessionLifespan", "earliestPossibleExtend", "privilegedSessionMaxAge"] as const;

/** Password policy and session settings, written into the project config as one JSON Patch (one revision). */
export async function saveIdentitySettingsAction(projectId: string, _state: FormState<{ saved: boolean }>, form: FormData): Promise<FormState<{ saved: boolean }>> {
  const access = await currentConsoleAccess();
  const values = formValues(form, keys);
  const parsed = identitySettingsSchema.safeParse({
    ...values,
    identifierSimilarityCheck: form.get("identifierSimilarityCheck") === "on",
    haveIBeenPwned: form.get("haveIBeenPwned") === "on",
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  try {
    const project = await getProject(access, projectId);
    const patch = identitySettingsPatch(project.config, parsed.data);
    if (patch.length > 0) await patchProject(access, project.id, patch);
    invalidateProject(project.slug);
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
  revalidatePath(`/console/projects/${projectId}/identities/settings`);
  return { result: { saved: true }, submittedAt: Date.now() };
}
