import { badRequest, notFound } from "@/lib/core/errors";
import { enforceRateLimit } from "@/lib/ratelimit";
import { forgetApiKey } from "./key-cache";
import type { AdminRevokeInput } from "./schemas";
import { auditKeyChange, type ServiceScope } from "./scope";
import { findKey, type KeyKind } from "./store";
import { resolveSecret } from "./verify";

async function revoke(scope: ServiceScope, keyId: string, reason: string, description: string | undefined): Promise<void> {
  await scope.db.$transaction(async (tx) => {
    // A key already revoked stays revoked as it was (idempotent); one in its rotation overlap is cut off now.
    const { count } = await tx.apiKey.updateMany({
      where: { projectId: scope.project.id, id: keyId, OR: [{ revokedAt: null }, { revokedAt: { gt: scope.now } }] },
      data: { revokedAt: scope.now, revocationReason: reason, revocationDescription: description ?? null, updatedAt: scope.now },
    });
    if (count > 0) await auditKeyChange(scope, tx, "revoked", keyId, { reason });
  });
  forgetApiKey(scope.project.id, keyId);
}

/** `adminRevokeIssuedApiKey` / `adminRevokeImportedApiKey`: takes effect in this process at once (others within 5 s). */
export async function adminRevokeKey(scope: ServiceScope, kind: KeyKind, keyId: string, input: AdminRevokeInput): Promise<void> {
  const key = await findKey(scope, kind, keyId);
  await revoke(scope, key.id, input.reason, input.description);
}

/**
 * `apiKeys:selfRevoke`: whoever holds a key (e.g. finds it leaked) can kill it by presenting it — proof of possession,
 * no admin credential. Works for issued and imported keys; an unknown key is 404, a malformed one 400; rate-limited per IP.
 */
export async function selfRevokeKey(scope: ServiceScope, credential: string, reason = "REVOCATION_REASON_KEY_COMPROMISE"): Promise<Record<string, never>> {
  await enforceRateLimit({ projectId: scope.project.id, rule: "api_key_self_revoke:ip", subject: scope.request?.ip ?? "", now: scope.now });
  const { key, problem } = await resolveSecret({ project: scope.project, db: async () => scope.db, now: scope.now, issuer: "" }, credential);
  if (problem === "VERIFICATION_ERROR_INVALID_FORMAT") throw badRequest("The credential is malformed.", { id: "api_key_malformed" });
  if (!key) throw notFound("The API key does not exist.", { id: "api_key_not_found" });
  await revoke({ ...scope, actor: { type: "api_key_holder", id: key.id } }, key.id, reason, undefined);
  return {};
}
