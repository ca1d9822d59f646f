"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createRecoveryLinkForIdentity } from "@/lib/selfservice";
import { pageRequest } from "@/lib/selfservice";
import { checkPasswordPolicy, createIdentity, deleteIdentity, PasswordPolicyError, validateTraits, deleteIdentityCredentials, getIdentity, getIdentitySchema, updateIdentity } from "@/lib/identity";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { traitFields, traitsFromForm } from "@/lib/identity-console/traits-form";
import { revokeIdentitySessions, revokeSession } from "@/lib/sessions";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { identityActionError } from "./errors";

export interface IdentityFormState {
  formError?: string;
  detail?: string;
  values?: Record<string, string>;
  saved?: boolean;
  submittedAt?: number;
}

const stateSchema = z.enum(["active", "inactive"]);
const idSchema = z.uuid();

function submittedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "password" && !key.startsWith("$")) values[key] = value;
  return values;
}

const listPath = (projectId: string) => `/console/projects/${projectId}/identities`;

/** Creates an identity from the schema-generated form (optionally with a password). */
export async function createIdentityAction(projectId: string, schemaId: string, _state: IdentityFormState, form: FormData): Promise<IdentityFormState> {
  const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "write");
  let id: string;
  try {
    const schema = getIdentitySchema(ctx.project, schemaId);
    const traits = traitsFromForm(traitFields(schema.schema), (name) => form.get(name) as string | null);
    const password = String(form.get("password") ?? "");
    // The console applies the project's password policy (unlike the admin API, which keeps Kratos' import
    // semantics and stores any password it is given): an operator typing a password is a sign-up by proxy.
    if (password) {
      const identifiers = validateTraits(ctx.project, schema.id, traits).identifiers.password;
      const violations = await checkPasswordPolicy(ctx.project, password, identifiers);
      if (violations.length) throw new PasswordPolicyError(violations);
    }
    const identity = await createIdentity(ctx, {
      schema_id: schema.id,
      traits,
      state: stateSchema.catch("active").parse(form.get("state")),
      ...(password ? { credentials: { password: { config: { password } } } } : {}),
    });
    id = identity.id;
  } catch (error) {
    return { ...identityActionError(error), values: submittedValues(form), submittedAt: Date.now() };
  }
  revalidatePath(listPath(projectId));
  redirect(`${listPath(projectId)}/${id}?created=1`);
}

/** Saves traits and state; schema, metadata and external id stay as they are. */
export async function updateIdentityAction(projectId: string, identityId: string, _state: IdentityFormState, form: FormData): Promise<IdentityFormState> {
  const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "write");
  try {
    const current = await getIdentity(ctx, idSchema.parse(identityId));
    if (!current) return { formError: "notFound", submittedAt: Date.now() };
    const schema = getIdentitySchema(ctx.project, current.schemaId);
    const traits = traitsFromForm(traitFields(schema.schema), (name) => form.get(name) as string | null, current.traits);
    await updateIdentity(ctx, current.id, {
      schema_id: current.schemaId,
      traits,
      state: stateSchema.catch(current.state).parse(form.get("state")),
      metadata_public: current.metadataPublic ?? undefined,
      metadata_admin: current.metadataAdmin ?? undefined,
      ...(current.externalId ? { external_id: current.externalId } : {}),
    });
  } catch (error) {
    return { ...identityActionError(error), values: submittedValues(form), submittedAt: Date.now() };
  }
  revalidatePath(`${listPath(projectId)}/${identityId}`);
  return { saved: true, submittedAt: Date.now() };
}

export async function deleteIdentityAction(projectId: string, identityId: string): Promise<IdentityFormState> {
  const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "write");
  try {
    await deleteIdentity(ctx, idSchema.parse(identityId));
  } catch (error) {
    return { ...identityActionError(error), submittedAt: Date.now() };
  }
  revalidatePath(listPath(projectId));
  redirect(`${listPath(projectId)}?deleted=1`);
}

/**
 * Removes the identity's second factors (TOTP, recovery codes, WebAuthn security keys) through Ory's admin
 * deleteIdentityCredentials, each audited as `identity.credentials.deleted`: for someone who lost their device.
 */
export async function removeSecondFactorAction(projectId: string, identityId: string): Promise<IdentityFormState> {
  const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "write");
  try {
    const identity = await getIdentity(ctx, idSchema.parse(identityId));
    if (!identity) return { formError: "notFound", submittedAt: Date.now() };
    for (const type of ["totp", "lookup_secret", "webauthn"] as const) {
      if (identity.credentials.some((c) => c.type === type)) await deleteIdentityCredentials(ctx, identity.id, type);
    }
  } catch (error) {
    return { ...identityActionError(error), submittedAt: Date.now() };
  }
  revalidatePath(`${listPath(projectId)}/${identityId}`);
  return { saved: true, submittedAt: Date.now() };
}

/** Revokes one session of the identity, or all of them when `sessionId` is "all". */
export async function revokeSessionAction(projectId: string, identityId: string, sessionId: string): Promise<IdentityFormState> {
  const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "write");
  try {
    if (sessionId === "all") await revokeIdentitySessions(ctx, idSchema.parse(identityId));
    else await revokeSession(ctx, idSchema.parse(sessionId));
  } catch (error) {
    return { ...identityActionError(error), submittedAt: Date.now() };
  }
  revalidatePath(`${listPath(projectId)}/${identityId}`);
  return { saved: true, submittedAt: Date.now() };
}

export interface RecoveryLinkState {
  formError?: string;
  detail?: string;
  link?: string;
  expiresAt?: string;
}

/**
 * Ory's admin `createRecoveryLinkForIdentity`: a one-time link that signs the person in and opens their
 * settings. The link is built on the origin the console is served from (the project base URL's origin).
 */
export async function sendRecoveryLinkAction(projectId: string, identityId: string): Promise<RecoveryLinkState> {
  const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "write");
  const list = await headers();
  const request = pageRequest(`/p/${ctx.project.slug}/admin/recovery/link`, list);
  try {
    const result = await createRecoveryLinkForIdentity({ ...ctx, request: { ...request, method: "POST", ip: ctx.request?.ip ?? request.ip } }, { identity_id: idSchema.parse(identityId) });
    return { link: result.recovery_link, expiresAt: result.expires_at };
  } catch (error) {
    return identityActionError(error);
  }
}
