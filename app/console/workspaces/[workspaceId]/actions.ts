"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";
import { createProject } from "@/lib/projects";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";

const schema = z.object({
  name: storableString().trim().min(1, "required").max(100, "tooLong"),
  environment: z.enum(["prod", "stage", "dev"], "invalid"),
});

/** Creates a project in the workspace (bound on the page); the domain function checks the caller's role. */
export async function createProjectAction(workspaceId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const access = await currentConsoleAccess();
  const values = formValues(form, ["name", "environment"]);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  let projectId: string;
  try {
    projectId = (await createProject(access, { ...parsed.data, workspaceId })).id;
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
  redirect(`/console/projects/${projectId}`);
}
