"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";
import { createWorkspace } from "@/lib/workspaces";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";

const schema = z.object({ name: storableString().trim().min(1, "required").max(100, "tooLong") });

export async function createWorkspaceAction(_previous: FormState, form: FormData): Promise<FormState> {
  const access = await currentConsoleAccess();
  const values = formValues(form, ["name"]);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  let workspaceId: string;
  try {
    workspaceId = (await createWorkspace(access, parsed.data)).id;
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
  redirect(`/console/workspaces/${workspaceId}`);
}
