import { isUuid } from "@/lib/core/ids";
import type { ServiceContext } from "./context";
import { normalizeIdentifier } from "./schemas/validate";
import { identityInclude, type IdentityRecord } from "./store/record";

/** An identity of the context's project, with credentials and addresses; undefined when unknown. */
export async function getIdentity(ctx: Pick<ServiceContext, "db">, id: string): Promise<IdentityRecord | undefined> {
  if (!isUuid(id)) return undefined;
  return (await ctx.db.identity.findFirst({ where: { id }, include: identityInclude })) ?? undefined;
}

export async function getIdentityByExternalId(ctx: Pick<ServiceContext, "db">, externalId: string): Promise<IdentityRecord | undefined> {
  return (await ctx.db.identity.findFirst({ where: { externalId }, include: identityInclude })) ?? undefined;
}

/**
 * The identity owning an identifier of a credential type (e.g. "password", "code", "webauthn", or
 * "oidc" with `provider:subject`), via the unique identifier index. Identifiers compare normalized.
 */
export async function findIdentityByIdentifier(ctx: Pick<ServiceContext, "db">, credentialType: string, identifier: string): Promise<IdentityRecord | undefined> {
  const value = credentialType === "oidc" || credentialType === "saml" ? identifier : normalizeIdentifier(identifier);
  const row = await ctx.db.identityCredentialIdentifier.findFirst({ where: { type: credentialType, identifier: value }, select: { identityId: true } });
  return row ? getIdentity(ctx, row.identityId) : undefined;
}

/** The identity with this recovery address (Kratos looks addresses up by value across channels). */
export async function findRecoveryAddress(ctx: Pick<ServiceContext, "db">, value: string): Promise<{ identity: IdentityRecord; address: IdentityRecord["recoveryAddresses"][number] } | undefined> {
  const address = await ctx.db.identityRecoveryAddress.findFirst({ where: { value: normalizeIdentifier(value) } });
  if (!address) return undefined;
  const identity = await getIdentity(ctx, address.identityId);
  return identity ? { identity, address } : undefined;
}

/** The identity with this verifiable address. */
export async function findVerifiableAddress(ctx: Pick<ServiceContext, "db">, value: string): Promise<{ identity: IdentityRecord; address: IdentityRecord["verifiableAddresses"][number] } | undefined> {
  const address = await ctx.db.identityVerifiableAddress.findFirst({ where: { value: normalizeIdentifier(value) } });
  if (!address) return undefined;
  const identity = await getIdentity(ctx, address.identityId);
  return identity ? { identity, address } : undefined;
}
