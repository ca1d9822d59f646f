"use server";

import { revalidatePath } from "next/cache";
import { LIFESPAN_FIELDS } from "@/lib/oauth2/clients";
import { consoleOAuth2Context, saveClientLifespans } from "@/lib/oauth2-console";
import { currentConsoleAccess, publicOrigin } from "@/app/_lib/console-auth";
import { fieldErrorsFrom, formValues } from "@/app/_lib/form-state";
import { oauth2ActionError, oauth2Path, type OAuth2FormState } from "../errors";

/** Saves the client's token lifespans (the API's setClientLifespans: same rules, same audit event). */
export async function saveLifespansAction(projectId: string, clientId: string, _state: OAuth2FormState<{ saved: true }>, form: FormData): Promise<OAuth2FormState<{ saved: true }>> {
  const values = formValues(form, LIFESPAN_FIELDS.filter((field) => form.has(field)));
  try {
    const ctx = await consoleOAuth2Context(await currentConsoleAccess(), projectId, await publicOrigin(), "write");
    const saved = await saveClientLifespans(ctx, clientId, values);
    if (!saved.ok) return { fieldErrors: fieldErrorsFrom(saved.error), values, submittedAt: Date.now() };
    revalidatePath(oauth2Path(projectId, `/clients/${encodeURIComponent(clientId)}`));
    return { result: { saved: true }, submittedAt: Date.now() };
  } catch (error) {
    return { ...oauth2ActionError(error), values, submittedAt: Date.now() };
  }
}
