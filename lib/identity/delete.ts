import { badRequest, notFound } from "@/lib/core/errors";
import { identityChanged } from "./changes";
import { auditIdentityEvent } from "./audit";
import type { ServiceContext } from "./context";
import { getIdentity } from "./read";
import { TX_OPTIONS } from "./store/tx";

const notFoundError = () => notFound("Unable to locate the resource", { id: "not_found" });

/** Ory's deleteIdentity: the identity and everything it owns (credentials, addresses, sessions) go at once. */
export async function deleteIdentity(ctx: ServiceContext, id: string): Promise<void> {
  const identity = await getIdentity(ctx, id);
  if (!identity) throw notFoundError();
  await ctx.db.$transaction(async (tx) => {
    await tx.identity.delete({ where: { projectId_id: { projectId: ctx.project.id, id } } });
    await auditIdentityEvent(tx, ctx, "identity.deleted", { type: "identity", id }, { schema_id: identity.schemaId });
  }, TX_OPTIONS);
  identityChanged(ctx.project.id, id);
}

/**
 * Ory's deleteIdentityCredentials. As in Kratos, passkey and code credentials can not be deleted here; for
 * `oidc`/`saml`, `identifier` (`provider:subject`) removes one linked provider instead of all.
 */
export async function deleteIdentityCredentials(ctx: ServiceContext, id: string, type: string, identifier?: string): Promise<void> {
  if (type === "passkey" || type === "code") {
    throw badRequest("The request was malformed or contained invalid parameters", { reason: `You cannot delete ${type} credentials through this API.` });
  }
  const identity = await getIdentity(ctx, id);
  const credential = identity?.credentials.find((c) => c.type === type);
  if (!identity || !credential) throw notFoundError();
  const projectId = ctx.project.id;
  await ctx.db.$transaction(async (tx) => {
    const where = { projectId_id: { projectId, id: credential.id } };
    if (identifier && (type === "oidc" || type === "saml")) {
      if (!credential.identifiers.some((i) => i.identifier === identifier)) throw notFoundError();
      const providers = ((credential.config as { providers?: { provider: string; subject: string }[] }).providers ?? [])
        .filter((p) => `${p.provider}:${p.subject}` !== identifier);
      await tx.identityCredentialIdentifier.deleteMany({ where: { credentialId: credential.id, identifier } });
      if (providers.length) await tx.identityCredential.update({ where, data: { config: { ...(credential.config as object), providers } } });
      else await tx.identityCredential.delete({ where });
    } else {
      await tx.identityCredential.delete({ where });
    }
    await auditIdentityEvent(tx, ctx, "identity.credentials.deleted", { type: "identity", id }, { credential_type: type, ...(identifier ? { identifier } : {}) });
  }, TX_OPTIONS);
}
