"use server";

import { revalidatePath } from "next/cache";
import { oauth2SettingsPatch, oauth2SettingsSchema } from "@/lib/oauth2-console";
import { getProject, patchProject } from "@/lib/projects";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { fieldErrorsFrom, formValues } from "@/app/_lib/form-state";
import { oauth2ActionError, oauth2Path, type OAuth2FormState } from "../errors";

const keys = ["accessTokenStrategy", "accessTokenTtl", "refreshTokenTtl", "idTokenTtl", "authCodeTtl", "loginUrl", "consentUrl", "logoutUrl"] as const;

/**
 * Token format, lifespans and UI URLs, written into `services.oauth2.config` as one JSON Patch against the
 * revision the form was loaded at (Ory's patchProjectWithRevision): a save in between is a 409, not lost.
 */
export async function saveOAuth2SettingsAction(projectId: string, _state: OAuth2FormState<{ saved: boolean; revisionId: string }>, form: FormData): Promise<OAuth2FormState<{ saved: boolean; revisionId: string }>> {
  const access = await currentConsoleAccess();
  const values = formValues(form, keys);
  const revisionId = String(form.get("revisionId") ?? "");
  const parsed = oauth2SettingsSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  try {
    const project = await getProject(access, projectId);
    const patch = oauth2SettingsPatch(project.config, parsed.data);
    const saved = patch.length > 0 ? (await patchProject(access, project.id, patch, revisionId || undefined)).project : project;
    revalidatePath(oauth2Path(projectId, "/settings"));
    return { result: { saved: true, revisionId: saved.revisionId }, values, submittedAt: Date.now() };
  } catch (error) {
    return { ...oauth2ActionError(error), values, submittedAt: Date.now() };
  }
}
