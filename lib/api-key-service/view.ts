import type { ApiKey } from "@/lib/db/generated/client";

export type KeyStatus = "KEY_STATUS_ACTIVE" | "KEY_STATUS_REVOKED" | "KEY_STATUS_EXPIRED";

/** The lifecycle state at `now`, computed at read time as Ory does (a rotated key is revoked once its overlap ends). */
export function keyStatus(row: Pick<ApiKey, "revokedAt" | "expiresAt">, now: Date): KeyStatus {
  if (row.revokedAt && row.revokedAt <= now) return "KEY_STATUS_REVOKED";
  if (row.expiresAt && row.expiresAt <= now) return "KEY_STATUS_EXPIRED";
  return "KEY_STATUS_ACTIVE";
}

const iso = (date: Date | null) => (date ? date.toISOString() : undefined);

/** Ory's IssuedApiKey / ImportedApiKey JSON (the two share their fields). */
export function keyView(row: ApiKey, now: Date) {
  const revoked = row.revokedAt !== null && row.revokedAt <= now;
  return {
    key_id: row.id,
    name: row.name,
    actor_id: row.actorId,
    scopes: row.scopes,
    metadata: row.metadata as Record<string, unknown>,
    visibility: row.visibility,
    ...(row.rateLimitPolicy ? { rate_limit_policy: row.rateLimitPolicy as Record<string, unknown> } : {}),
    ip_restriction: { allowed_cidrs: row.allowedCidrs },
    status: keyStatus(row, now),
    create_time: row.createdAt.toISOString(),
    update_time: row.updatedAt.toISOString(),
    expire_time: iso(row.expiresAt),
    last_used_time: iso(row.lastUsedAt),
    ...(revoked && row.revocationReason ? { revocation_reason: row.revocationReason } : {}),
    ...(revoked && row.revocationDescription ? { revocation_description: row.revocationDescription } : {}),
    // Ours: how to recognise the key, how often it verified, when a rotated key stops working.
    display_prefix: row.displayPrefix,
    usage_count: row.usageCount.toString(),
    ...(row.revokedAt && !revoked ? { overlap_end_time: row.revokedAt.toISOString() } : {}),
  };
}
export type KeyView = ReturnType<typeof keyView>;
