"use server";

import { getClient } from "@/lib/oauth2/clients";
import { consoleOAuth2Context, tryClientCredentials, tryClientCredentialsSchema, type TryResult } from "@/lib/oauth2-console";
import { currentConsoleAccess, publicOrigin } from "@/app/_lib/console-auth";
import { fieldErrorsFrom } from "@/app/_lib/form-state";
import { oauth2ActionError, type OAuth2FormState } from "../errors";

/** Runs client_credentials with the secret the operator types in; the secret is neither echoed nor stored. */
export async function tryClientCredentialsAction(projectId: string, clientId: string, _state: OAuth2FormState<TryResult>, form: FormData): Promise<OAuth2FormState<TryResult>> {
  const scope = typeof form.get("scope") === "string" ? String(form.get("scope")) : "";
  const parsed = tryClientCredentialsSchema.safeParse({ clientSecret: form.get("client_secret") ?? "", scope });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values: { scope }, submittedAt: Date.now() };
  try {
    const ctx = await consoleOAuth2Context(await currentConsoleAccess(), projectId, await publicOrigin(), "write");
    const client = await getClient(ctx, clientId);
    return { result: await tryClientCredentials(ctx, client.doc, parsed.data), values: { scope }, submittedAt: Date.now() };
  } catch (error) {
    return { ...oauth2ActionError(error), values: { scope }, submittedAt: Date.now() };
  }
}
