import { newId } from "@/lib/core/ids";
import type { IdentityAddress, ValidatedTraits } from "../schemas/validate";
import { searchTokens } from "./search-tokens";
import type { IdentityTx } from "./tx";

/**
 * Credential types whose identifiers come from traits (the `ory.sh/kratos` credentials extension). Not `passkey`: a
 * passkey is found by its user handle (Kratos), which no trait holds; a security key (`webauthn`) also keeps the
 * identity's id, its identifier as a second factor.
 */
const TRAIT_IDENTIFIED = ["password", "webauthn", "code"] as const;

export interface ImportedVerification {
  value: string;
  via: string;
  verified: boolean;
  status?: string;
}

async function syncCredentialIdentifiers(tx: IdentityTx, projectId: string, identityId: string, validated: ValidatedTraits): Promise<void> {
  const credentials = await tx.identityCredential.findMany({ where: { identityId }, include: { identifiers: true } });
  for (const type of TRAIT_IDENTIFIED) {
    const wanted = type === "webauthn" ? [...validated.identifiers.webauthn, identityId] : validated.identifiers[type];
    let credential = credentials.find((c) => c.type === type);
    // The code credential follows the schema (Kratos creates it with the identity); the others only exist once set.
    if (!credential && type === "code" && wanted.length > 0) {
      const addresses = validated.codeAddresses.map((a) => ({ channel: a.via, address: a.value }));
      credential = { ...(await tx.identityCredential.create({ data: { projectId, id: newId(), identityId, type, config: { addresses }, version: 1 } })), identifiers: [] };
    }
    if (!credential) continue;
    if (type === "code") {
      const addresses = validated.codeAddresses.map((a) => ({ channel: a.via, address: a.value }));
      await tx.identityCredential.update({ where: { projectId_id: { projectId: credential.projectId, id: credential.id } }, data: { config: { addresses } } });
    }
    const current = credential.identifiers.map((i) => i.identifier);
    const stale = current.filter((identifier) => !wanted.includes(identifier));
    const fresh = wanted.filter((identifier) => !current.includes(identifier));
    if (stale.length) await tx.identityCredentialIdentifier.deleteMany({ where: { credentialId: credential.id, identifier: { in: stale } } });
    if (fresh.length) {
      await tx.identityCredentialIdentifier.createMany({
        data: fresh.map((identifier) => ({ projectId, id: newId(), credentialId: credential.id, identityId, type, identifier })),
      });
    }
  }
}

async function syncVerifiable(tx: IdentityTx, projectId: string, identityId: string, wanted: IdentityAddress[], imported: ImportedVerification[], now: Date): Promise<void> {
  const current = await tx.identityVerifiableAddress.findMany({ where: { identityId } });
  const isWanted = (a: { via: string; value: string }) => wanted.some((w) => w.via === a.via && w.value === a.value);
  const stale = current.filter((a) => !isWanted(a)).map((a) => a.id);
  if (stale.length) await tx.identityVerifiableAddress.deleteMany({ where: { id: { in: stale } } });
  const fresh = wanted.filter((w) => !current.some((a) => a.via === w.via && a.value === w.value));
  if (!fresh.length) return;
  await tx.identityVerifiableAddress.createMany({
    data: fresh.map((a) => {
      const known = imported.find((i) => i.via === a.via && i.value.trim().toLowerCase() === a.value);
      const verified = Boolean(known?.verified);
      return { projectId, id: newId(), identityId, via: a.via, value: a.value, verified, verifiedAt: verified ? now : null, status: verified ? "completed" : (known?.status ?? "pending") };
    }),
  });
}

async function syncRecovery(tx: IdentityTx, projectId: string, identityId: string, wanted: IdentityAddress[]): Promise<void> {
  const current = await tx.identityRecoveryAddress.findMany({ where: { identityId } });
  const stale = current.filter((a) => !wanted.some((w) => w.via === a.via && w.value === a.value)).map((a) => a.id);
  if (stale.length) await tx.identityRecoveryAddress.deleteMany({ where: { id: { in: stale } } });
  const fresh = wanted.filter((w) => !current.some((a) => a.via === w.via && a.value === w.value));
  if (fresh.length) await tx.identityRecoveryAddress.createMany({ data: fresh.map((a) => ({ projectId, id: newId(), identityId, via: a.via, value: a.value })) });
}

async function syncSearch(tx: IdentityTx, projectId: string, identityId: string, traits: unknown): Promise<void> {
  await tx.identitySearchToken.deleteMany({ where: { identityId } });
  const tokens = searchTokens(traits);
  if (tokens.length) await tx.identitySearchToken.createMany({ data: tokens.map((token) => ({ projectId, identityId, token })) });
}

/**
 * Brings everything derived from traits in line with them: credential identifiers, verifiable and recovery
 * addresses (verification status kept for unchanged addresses), and search tokens. Call inside the
 * transaction that wrote the traits; unique violations (an identifier of another identity) surface as P2002.
 */
export async function syncTraitIndexes(
  tx: IdentityTx, projectId: string, identityId: string, validated: ValidatedTraits, now: Date, imported: ImportedVerification[] = [],
): Promise<void> {
  await syncCredentialIdentifiers(tx, projectId, identityId, validated);
  await syncVerifiable(tx, projectId, identityId, validated.verifiableAddresses, imported, now);
  await syncRecovery(tx, projectId, identityId, validated.recoveryAddresses);
  await syncSearch(tx, projectId, identityId, validated.traits);
}
