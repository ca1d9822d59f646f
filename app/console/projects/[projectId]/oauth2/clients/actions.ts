"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createClient, deleteClient, getClient, patchClient, rotateClientSecret } from "@/lib/oauth2/clients";
import { consoleOAuth2Context, createClientFormSchema, createClientInput, editClientFormSchema, editClientPatch } from "@/lib/oauth2-console";
import { currentConsoleAccess, publicOrigin } from "@/app/_lib/console-auth";
import { fieldErrorsFrom, formValues } from "@/app/_lib/form-state";
import { oauth2ActionError, oauth2Path, type OAuth2FormState } from "../errors";

/** A secret appears in exactly one action response (create, rotate, or a switch to a secret-based method). */
export interface ClientSaved {
  clientId: string;
  secret?: string;
}

/** Rotation keeps the previous secret valid this long, so deployed apps can roll over. */
const ROTATION_GRACE_MS = 3600_000;

async function writeContext(projectId: string) {
  return consoleOAuth2Context(await currentConsoleAccess(), projectId, await publicOrigin(), "write");
}

export async function createClientAction(projectId: string, _state: OAuth2FormState<ClientSaved>, form: FormData): Promise<OAuth2FormState<ClientSaved>> {
  const values = formValues(form, ["preset", "client_name", "redirect_uris", "scope"]);
  const parsed = createClientFormSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  try {
    const created = await createClient(await writeContext(projectId), createClientInput(parsed.data));
    revalidatePath(oauth2Path(projectId));
    return { result: { clientId: String(created.client_id), secret: created.client_secret as string | undefined }, submittedAt: Date.now() };
  } catch (error) {
    return { ...oauth2ActionError(error), values, submittedAt: Date.now() };
  }
}

const editKeys = ["client_name", "redirect_uris", "post_logout_redirect_uris", "scope", "audience", "token_endpoint_auth_method", "frontchannel_logout_uri", "backchannel_logout_uri", "access_token_strategy", "key_source", "jwks", "jwks_uri"] as const;
const strings = (form: FormData, key: string) => form.getAll(key).filter((v): v is string => typeof v === "string");

export async function updateClientAction(projectId: string, clientId: string, _state: OAuth2FormState<ClientSaved>, form: FormData): Promise<OAuth2FormState<ClientSaved>> {
  const values = formValues(form, editKeys);
  const grants = strings(form, "grant_types");
  const origins = strings(form, "allowed_cors_origins");
  const parsed = editClientFormSchema.safeParse({ ...values, grant_types: grants, allowed_cors_origins: origins, skip_consent: form.get("skip_consent") === "on" });
  const kept: Record<string, string> = { ...values, grant_types: grants.join(" "), allowed_cors_origins: origins.join("\n"), skip_consent: form.get("skip_consent") === "on" ? "on" : "" };
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFrom(parsed.error);
    // A pasted private key is not echoed back into the page.
    if (fieldErrors.jwks === "jwksPrivate") kept.jwks = "";
    return { fieldErrors, values: kept, submittedAt: Date.now() };
  }
  try {
    const ctx = await writeContext(projectId);
    const current = await getClient(ctx, clientId);
    const saved = await patchClient(ctx, clientId, editClientPatch(parsed.data, current.doc));
    revalidatePath(oauth2Path(projectId, `/clients/${encodeURIComponent(clientId)}`));
    return { result: { clientId, secret: saved.client_secret as string | undefined }, submittedAt: Date.now() };
  } catch (error) {
    return { ...oauth2ActionError(error), values: kept, submittedAt: Date.now() };
  }
}

export async function rotateClientSecretAction(projectId: string, clientId: string): Promise<OAuth2FormState<ClientSaved>> {
  try {
    const rotated = await rotateClientSecret(await writeContext(projectId), clientId, ROTATION_GRACE_MS);
    return { result: { clientId, secret: rotated.client_secret as string | undefined }, submittedAt: Date.now() };
  } catch (error) {
    return { ...oauth2ActionError(error), submittedAt: Date.now() };
  }
}

export async function deleteClientAction(projectId: string, clientId: string): Promise<OAuth2FormState> {
  try {
    await deleteClient(await writeContext(projectId), clientId);
  } catch (error) {
    return { ...oauth2ActionError(error), submittedAt: Date.now() };
  }
  revalidatePath(oauth2Path(projectId));
  redirect(`${oauth2Path(projectId)}?deleted=1`);
}
