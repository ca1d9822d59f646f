import { identityChanged } from "./changes";
import { auditIdentityEvent } from "./audit";
import type { ServiceContext } from "./context";
import { normalizeIdentifier } from "./schemas/validate";
import type { IdentityRecord } from "./store/record";
import { TX_OPTIONS } from "./store/tx";

type VerifiableAddress = IdentityRecord["verifiableAddresses"][number];

/** Marks an identity's verifiable address as verified (status `completed`); undefined when it has no such address. */
export async function markAddressVerified(ctx: ServiceContext, identityId: string, value: string): Promise<VerifiableAddress | undefined> {
  const normalized = normalizeIdentifier(value);
  const address = await ctx.db.identityVerifiableAddress.findFirst({ where: { identityId, value: normalized } });
  if (!address) return undefined;
  if (address.verified) return address;
  const updated = await ctx.db.$transaction(async (tx) => {
    const row = await tx.identityVerifiableAddress.update({
      where: { projectId_id: { projectId: ctx.project.id, id: address.id } },
      data: { verified: true, verifiedAt: ctx.now, status: "completed" },
    });
    await auditIdentityEvent(tx, ctx, "identity.address.verified", { type: "identity", id: identityId }, { via: address.via, value: normalized });
    return row;
  }, TX_OPTIONS);
  identityChanged(ctx.project.id, identityId);
  return updated;
}

/** Sets a verifiable address's status (e.g. `sent` when a verification code went out). */
export async function setAddressStatus(ctx: ServiceContext, identityId: string, value: string, status: "pending" | "sent"): Promise<void> {
  await ctx.db.identityVerifiableAddress.updateMany({ where: { identityId, value: normalizeIdentifier(value), verified: false }, data: { status } });
}
