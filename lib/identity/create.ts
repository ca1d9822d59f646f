import { newId } from "@/lib/core/ids";
import type { CredentialInput } from "./credential-write";
import { auditIdentityEvent } from "./audit";
import type { ServiceContext } from "./context";
import { createIdentityBodySchema, type CreateIdentityInput } from "./input";
import { getIdentity } from "./read";
import { validateTraits } from "./schemas/validate";
import { mapConflicts } from "./store/conflict";
import { prepareCredentials, writeCredentials } from "./store/credentials";
import type { IdentityRecord } from "./store/record";
import { syncTraitIndexes } from "./store/sync-indexes";
import { TX_OPTIONS } from "./store/tx";

const jsonOrNull = (value: unknown) => (value === undefined || value === null ? undefined : (value as object));

/**
 * Creates an identity (Ory's createIdentity): traits validated against the schema, credentials imported
 * (cleartext passwords hashed; hashed passwords kept for verification and rehash at login), addresses and
 * identifiers derived from the schema, all in one transaction with an audit event. The password policy is
 * not applied here (admin import, as in Kratos); self-service registration checks it before calling this.
 * Duplicate identifiers, addresses or external ids are a 409. `made`: credentials a self-service method verified itself
 * (a passkey), stored as given.
 */
export async function createIdentity(ctx: ServiceContext, input: CreateIdentityInput, made: CredentialInput[] = []): Promise<IdentityRecord> {
  const body = createIdentityBodySchema.parse(input);
  const validated = validateTraits(ctx.project, body.schema_id, body.traits);
  const credentials = [...(await prepareCredentials(ctx.project, body.credentials)), ...made];
  const id = newId();
  const projectId = ctx.project.id;
  await mapConflicts(() =>
    ctx.db.$transaction(async (tx) => {
      await tx.identity.create({
        data: {
          projectId,
          id,
          schemaId: validated.schemaId,
          state: body.state ?? "active",
          stateChangedAt: ctx.now,
          traits: validated.traits as object,
          metadataPublic: jsonOrNull(body.metadata_public),
          metadataAdmin: jsonOrNull(body.metadata_admin),
          externalId: body.external_id ?? null,
          organizationId: body.organization_id ?? null,
          createdAt: ctx.now,
        },
      });
      await writeCredentials(tx, projectId, id, credentials, validated);
      const imported = (body.verifiable_addresses ?? []).map((a) => ({ value: a.value, via: a.via, verified: Boolean(a.verified), status: a.status }));
      await syncTraitIndexes(tx, projectId, id, validated, ctx.now, imported);
      await auditIdentityEvent(tx, ctx, "identity.created", { type: "identity", id }, {
        schema_id: validated.schemaId,
        credentials: credentials.map((c) => c.type),
        imported_hash: Boolean(body.credentials?.password?.config?.hashed_password),
      });
    }, TX_OPTIONS),
  );
  return (await getIdentity(ctx, id))!;
}
