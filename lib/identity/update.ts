import { Prisma } from "@/lib/db";
import { notFound } from "@/lib/core/errors";
import { auditIdentityEvent } from "./audit";
import type { ServiceContext } from "./context";
import { updateIdentityBodySchema, type UpdateIdentityInput } from "./input";
import { getIdentity } from "./read";
import { validateTraits } from "./schemas/validate";
import { mapConflicts } from "./store/conflict";
import { prepareCredentials, writeCredentials } from "./store/credentials";
import type { IdentityRecord } from "./store/record";
import { syncTraitIndexes } from "./store/sync-indexes";
import { identityChanged } from "./changes";
import { TX_OPTIONS } from "./store/tx";

const jsonOrDbNull = (value: unknown) => (value === undefined || value === null ? Prisma.DbNull : (value as object));

async function requireIdentity(ctx: ServiceContext, id: string): Promise<IdentityRecord> {
  const identity = await getIdentity(ctx, id);
  if (!identity) throw notFound("Unable to locate the resource", { id: "not_found" });
  return identity;
}

/**
 * Ory's updateIdentity (PUT): replaces schema, traits, state and both metadata fields (omitted metadata is
 * cleared, as in Kratos); credentials in the body are imported on top of the existing ones.
 */
export async function updateIdentity(ctx: ServiceContext, id: string, input: UpdateIdentityInput): Promise<IdentityRecord> {
  const body = updateIdentityBodySchema.parse(input);
  const current = await requireIdentity(ctx, id);
  const validated = validateTraits(ctx.project, body.schema_id || current.schemaId, body.traits);
  const credentials = await prepareCredentials(ctx.project, body.credentials);
  const projectId = ctx.project.id;
  await mapConflicts(() =>
    ctx.db.$transaction(async (tx) => {
      await tx.identity.update({
        where: { projectId_id: { projectId, id } },
        data: {
          schemaId: validated.schemaId,
          traits: validated.traits as object,
          state: body.state,
          ...(body.state !== current.state ? { stateChangedAt: ctx.now } : {}),
          metadataPublic: jsonOrDbNull(body.metadata_public),
          metadataAdmin: jsonOrDbNull(body.metadata_admin),
          ...(body.external_id !== undefined ? { externalId: body.external_id } : {}),
        },
      });
      await writeCredentials(tx, projectId, id, credentials, validated);
      await syncTraitIndexes(tx, projectId, id, validated, ctx.now);
      await auditIdentityEvent(tx, ctx, "identity.updated", { type: "identity", id }, {
        state: body.state,
        ...(credentials.length ? { credentials: credentials.map((c) => c.type) } : {}),
      });
    }, TX_OPTIONS),
  );
  identityChanged(projectId, id);
  return (await getIdentity(ctx, id))!;
}

/** Replaces an identity's traits (self-service settings): same schema, metadata and state untouched. */
export async function updateIdentityTraits(ctx: ServiceContext, id: string, traits: unknown): Promise<IdentityRecord> {
  const current = await requireIdentity(ctx, id);
  const validated = validateTraits(ctx.project, current.schemaId, traits);
  const projectId = ctx.project.id;
  await mapConflicts(() =>
    ctx.db.$transaction(async (tx) => {
      await tx.identity.update({ where: { projectId_id: { projectId, id } }, data: { traits: validated.traits as object } });
      await syncTraitIndexes(tx, projectId, id, validated, ctx.now);
      await auditIdentityEvent(tx, ctx, "identity.traits.updated", { type: "identity", id });
    }, TX_OPTIONS),
  );
  identityChanged(projectId, id);
  return (await getIdentity(ctx, id))!;
}
