"use server";

import { revalidatePath } from "next/cache";
import { authenticationSettingsPatch, authenticationSettingsSchema } from "@/lib/identity-console/authentication-settings";
import { passwordlessSettingsEntries, passwordlessSettingsSchema } from "@/lib/identity-console/passwordless-settings";
import { getProject, patchProject } from "@/lib/projects";
import { invalidateProject } from "@/lib/projects/lookup";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";

const keys = ["whoamiRequiredAal", "settingsRequiredAal", "totpIssuer", "passkeyDisplayName", "recoveryUse", "verificationUse", "loginStyle"] as const;

/** Methods, required AAL, TOTP issuer and passkey display name, written into the project config as one JSON Patch (one revision, audited). */
export async function saveAuthenticationSettingsAction(projectId: string, _state: FormState<{ saved: boolean }>, form: FormData): Promise<FormState<{ saved: boolean }>> {
  const access = await currentConsoleAccess();
  const values = formValues(form, keys);
  const on = (name: string) => form.get(`method.${name}`) === "on";
  const parsed = authenticationSettingsSchema.safeParse({
    ...values,
    methods: { password: on("password"), code: on("code"), totp: on("totp"), lookup_secret: on("lookup_secret"), webauthn: on("webauthn"), passkey: on("passkey") },
  });
  const passwordless = passwordlessSettingsSchema.safeParse({ ...values, passwordless: on("passwordless"), link: on("link") });
  if (!parsed.success || !passwordless.success) {
    const fieldErrors = { ...(parsed.success ? {} : fieldErrorsFrom(parsed.error)), ...(passwordless.success ? {} : fieldErrorsFrom(passwordless.error)) };
    return { fieldErrors, values, submittedAt: Date.now() };
  }
  try {
    const project = await getProject(access, projectId);
    const patch = authenticationSettingsPatch(project.config, parsed.data, passwordlessSettingsEntries(project.config, passwordless.data));
    if (patch.length > 0) await patchProject(access, project.id, patch);
    invalidateProject(project.slug);
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
  revalidatePath(`/console/projects/${projectId}/authentication`);
  return { result: { saved: true }, submittedAt: Date.now() };
}
