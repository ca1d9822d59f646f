import { parseGoDuration } from "@/lib/core/duration";
import { badRequest, conflict } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { displayPrefix, generateSecret } from "./format";
import { storedHash } from "./hash";
import { forgetApiKey } from "./key-cache";
import type { RotateApiKeyInput } from "./schemas";
import { auditKeyChange, type ServiceScope } from "./scope";
import { findKey } from "./store";
import { keyStatus, keyView } from "./view";

const MAX_OVERLAP_MS = 30 * 24 * 3600_000;

function overlapMs(text: string | undefined): number {
  if (!text) return 0;
  const ms = parseGoDuration(text);
  if (ms === undefined || ms < 0 || ms > MAX_OVERLAP_MS) throw badRequest("overlap must be a duration between 0s and 720h.", { id: "invalid_overlap" });
  return ms;
}

/**
 * `adminRotateIssuedApiKey` (AIP-136): a new key with a fresh secret and id; absent fields inherit from the old key.
 * The old key is revoked as SUPERSEDED — at once, or, with our `overlap`, at the end of it, so clients can switch
 * without downtime. Only an active key that was not rotated before can be rotated.
 */
export async function rotateIssuedApiKey(scope: ServiceScope, keyId: string, input: RotateApiKeyInput) {
  const old = await findKey(scope, "issued", keyId);
  if (keyStatus(old, scope.now) !== "KEY_STATUS_ACTIVE" || old.rotatedToId) {
    throw conflict("Only an active key that was not rotated before can be rotated.", { id: "api_key_not_active" });
  }
  const overlap = overlapMs(input.overlap);
  const visibility = input.visibility ?? (old.visibility as "KEY_VISIBILITY_SECRET" | "KEY_VISIBILITY_PUBLIC");
  const secret = generateSecret(visibility);
  const id = newId();
  const revokeAt = new Date(scope.now.getTime() + overlap);
  // Hashed before the transaction: the first use loads the system secret, which must not wait on the transaction's connection.
  const secretHash = await storedHash(secret);
  const result = await scope.db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { projectId: scope.project.id, id: old.id, rotatedToId: null, revokedAt: null },
      data: { revokedAt: revokeAt, revocationReason: "REVOCATION_REASON_SUPERSEDED", rotatedToId: id, updatedAt: scope.now },
    });
    if (count === 0) throw conflict("The key was rotated or revoked meanwhile.", { id: "api_key_not_active" });
    const created = await tx.apiKey.create({
      data: {
        projectId: scope.project.id, id, kind: "issued", name: input.name ?? old.name, actorId: old.actorId,
        scopes: input.scopes ?? old.scopes, metadata: (input.metadata ?? old.metadata) as object,
        rateLimitPolicy: (input.rate_limit_policy ?? old.rateLimitPolicy ?? undefined) as object | undefined,
        allowedCidrs: input.ip_restriction ? (input.ip_restriction.allowed_cidrs ?? []) : old.allowedCidrs,
        visibility, secretHash, displayPrefix: displayPrefix(secret), expiresAt: old.expiresAt,
        createdAt: scope.now, updatedAt: scope.now,
      },
    });
    await auditKeyChange(scope, tx, "rotated", old.id, { new_key_id: id, overlap_ms: overlap });
    const superseded = await tx.apiKey.findFirstOrThrow({ where: { projectId: scope.project.id, id: old.id } });
    return { created, superseded };
  });
  forgetApiKey(scope.project.id, old.id);
  return { issued_api_key: keyView(result.created, scope.now), old_issued_api_key: keyView(result.superseded, scope.now), secret };
}
