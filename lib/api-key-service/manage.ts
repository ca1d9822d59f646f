import { badRequest } from "@/lib/core/errors";
import { decodePageToken, toPage } from "@/lib/core/page-token";
import { Prisma } from "@/lib/db";
import { forgetApiKey } from "./key-cache";
import { UPDATABLE_FIELDS, type UpdateApiKeyInput } from "./schemas";
import { auditKeyChange, type ServiceScope } from "./scope";
import { findKey, type KeyKind } from "./store";
import { keyView } from "./view";

export async function getKey(scope: ServiceScope, kind: KeyKind, keyId: string) {
  return keyView(await findKey(scope, kind, keyId), scope.now);
}

/**
 * The AIP-160 filter subset we support: `field = "value"` terms joined by AND, on actor_id, name and status
 * (KEY_STATUS_ACTIVE / _REVOKED / _EXPIRED, computed at `now`). Anything else is a 400 naming the filter.
 */
export function filterWhere(filter: string | undefined, now: Date): Prisma.ApiKeyWhereInput {
  if (!filter?.trim()) return {};
  const and: Prisma.ApiKeyWhereInput[] = [];
  for (const term of filter.split(/\s+AND\s+/)) {
    const match = /^\s*(actor_id|name|status)\s*=\s*"?([^"]*)"?\s*$/.exec(term);
    if (!match) throw badRequest(`Unsupported filter term: ${term.trim()}. Use actor_id, name or status = "value", joined by AND.`, { id: "invalid_filter" });
    const [, field, value = ""] = match;
    if (field === "actor_id") and.push({ actorId: value });
    else if (field === "name") and.push({ name: value });
    else if (value === "KEY_STATUS_REVOKED") and.push({ revokedAt: { lte: now } });
    else if (value === "KEY_STATUS_EXPIRED") and.push({ OR: [{ revokedAt: null }, { revokedAt: { gt: now } }], expiresAt: { lte: now } });
    else if (value === "KEY_STATUS_ACTIVE") and.push({ OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] }, { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });
    else throw badRequest(`Unknown status ${value}.`, { id: "invalid_filter" });
  }
  return { AND: and };
}

/** Newest first, keyset-paginated (`page_token` carries the last item's creation time and id). */
export async function listKeys(scope: ServiceScope, kind: KeyKind, page: { pageSize: number; pageToken?: string; filter?: string }) {
  const cursor = decodePageToken(page.pageToken);
  const rows = await scope.db.apiKey.findMany({
    where: {
      projectId: scope.project.id, kind, ...filterWhere(page.filter, scope.now),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: page.pageSize + 1,
  });
  const result = toPage(rows, page.pageSize, (row) => ({ at: row.createdAt, id: row.id }));
  return { keys: result.items.map((row) => keyView(row, scope.now)), next_page_token: result.nextPageToken };
}

/** PATCH with AIP-134 `update_mask` (comma-separated fields); without one, the fields present in the body apply. */
export async function updateKey(scope: ServiceScope, kind: KeyKind, keyId: string, input: UpdateApiKeyInput, updateMask: string | undefined) {
  const key = await findKey(scope, kind, keyId);
  const fields = updateMask ? updateMask.split(",").map((f) => f.trim()).filter(Boolean) : UPDATABLE_FIELDS.filter((f) => input[f] !== undefined);
  const unknown = fields.filter((f) => !(UPDATABLE_FIELDS as readonly string[]).includes(f));
  if (unknown.length) throw badRequest(`These fields cannot be updated: ${unknown.join(", ")}.`, { id: "invalid_update_mask" });
  const data: Prisma.ApiKeyUpdateInput = { updatedAt: scope.now };
  for (const field of fields) {
    if (field === "name") data.name = input.name ?? key.name;
    if (field === "actor_id") data.actorId = input.actor_id ?? "";
    if (field === "scopes") data.scopes = input.scopes ?? [];
    if (field === "metadata") data.metadata = (input.metadata ?? {}) as object;
    if (field === "rate_limit_policy") data.rateLimitPolicy = input.rate_limit_policy ? (input.rate_limit_policy as object) : Prisma.DbNull;
    if (field === "ip_restriction") data.allowedCidrs = input.ip_restriction?.allowed_cidrs ?? [];
    if (field === "expire_time") data.expiresAt = input.expire_time ? new Date(input.expire_time) : null;
  }
  const row = await scope.db.$transaction(async (tx) => {
    const updated = await tx.apiKey.update({ where: { projectId_id: { projectId: scope.project.id, id: key.id } }, data });
    await auditKeyChange(scope, tx, "updated", key.id, { fields });
    return updated;
  });
  forgetApiKey(scope.project.id, key.id);
  return keyView(row, scope.now);
}

/** `adminDeleteImportedApiKey`: the key is gone (verification answers NOT_FOUND). */
export async function deleteImportedKey(scope: ServiceScope, keyId: string): Promise<void> {
  const key = await findKey(scope, "imported", keyId);
  await scope.db.$transaction(async (tx) => {
    await tx.apiKey.delete({ where: { projectId_id: { projectId: scope.project.id, id: key.id } } });
    await tx.apiKeyUsageDay.deleteMany({ where: { projectId: scope.project.id, keyId: key.id } });
    await auditKeyChange(scope, tx, "deleted", key.id, { name: key.name });
  });
  forgetApiKey(scope.project.id, key.id);
}
