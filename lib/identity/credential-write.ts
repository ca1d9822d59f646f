import { newId } from "@/lib/core/ids";
import { auditIdentityEvent } from "./audit";
import { identityChanged } from "./changes";
import type { ServiceContext } from "./context";
import { getIdentity } from "./read";
import type { CredentialType, IdentityRecord } from "./store/record";
import { TX_OPTIONS } from "./store/tx";

export interface CredentialInput {
  type: CredentialType;
  config: Record<string, unknown>;
  /** Kratos keys second factors by the identity's own id (the identifier is never typed by anyone). */
  identifiers: string[];
}

/**
 * Sets an identity's credential of one type, replacing any it had: the old row goes and a new one (new id) comes, so
 * a statement guarding the old credential by id (a TOTP step, a recovery code) can never act on the new one.
 * Audited and announced (the whoami cache drops the identity's sessions) in one transaction.
 */
export async function replaceCredential(ctx: ServiceContext, identityId: string, input: CredentialInput, action: string): Promise<IdentityRecord> {
  const projectId = ctx.project.id;
  const id = newId();
  await ctx.db.$transaction(async (tx) => {
    await tx.identityCredential.deleteMany({ where: { identityId, type: input.type } });
    await tx.identityCredential.create({ data: { projectId, id, identityId, type: input.type, config: input.config as object, version: 1 } });
    if (input.identifiers.length) {
      await tx.identityCredentialIdentifier.createMany({ data: input.identifiers.map((identifier) => ({ projectId, id: newId(), credentialId: id, identityId, type: input.type, identifier })) });
    }
    await auditIdentityEvent(tx, ctx, action, { type: "identity", id: identityId }, { credential_type: input.type });
  }, TX_OPTIONS);
  identityChanged(projectId, identityId);
  return (await getIdentity(ctx, identityId))!;
}

/** Removes an identity's credential of one type (settings unlink, disable), audited; the identity as it is now. */
export async function removeCredential(ctx: ServiceContext, identityId: string, type: CredentialType, action: string): Promise<IdentityRecord | undefined> {
  await ctx.db.$transaction(async (tx) => {
    const { count: removed } = await tx.identityCredential.deleteMany({ where: { identityId, type } });
    if (removed) await auditIdentityEvent(tx, ctx, action, { type: "identity", id: identityId }, { credential_type: type });
  }, TX_OPTIONS);
  identityChanged(ctx.project.id, identityId);
  return getIdentity(ctx, identityId);
}
