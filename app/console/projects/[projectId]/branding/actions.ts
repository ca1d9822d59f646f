"use server";

import { revalidatePath } from "next/cache";
import { brandingFromForm, brandingPatch, type BrandingFormState } from "@/lib/branding";
import { getProject, patchProject } from "@/lib/projects";
import { invalidateProject } from "@/lib/projects/lookup";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";

/** Saves the hosted pages' theme into the project config (`services.account_experience.config.branding`). */
export async function saveBrandingAction(projectId: string, _state: BrandingFormState, form: FormData): Promise<BrandingFormState> {
  const access = await currentConsoleAccess();
  const parsed = await brandingFromForm(form);
  if (!parsed.success) return { fieldErrors: parsed.fieldErrors, submittedAt: Date.now() };
  try {
    const project = await getProject(access, projectId);
    await patchProject(access, project.id, brandingPatch(project.config, parsed.branding));
    invalidateProject(project.slug);
  } catch (error) {
    return { formError: actionErrorKey(error), submittedAt: Date.now() };
  }
  revalidatePath(`/console/projects/${projectId}/branding`);
  return { saved: true, branding: parsed.branding, submittedAt: Date.now() };
}
