import { isWellFormedSecret, looksIssued } from "./format";
import { credentialHashes } from "./hash";
import { keyByHash, type CachedKey } from "./key-cache";
import { recordUsage } from "./usage";
import { verifyDerivedToken } from "./derived-verify";
import { keyProblem, refusal, validKey, type VerificationErrorCode, type VerifyApiKeyResponse, type VerifyScope } from "./verdict";

export type { VerificationErrorCode, VerifyApiKeyResponse, VerifyScope } from "./verdict";

/** The stored key a credential (issued or imported secret) names, with its problem if any. */
export async function resolveSecret(scope: VerifyScope, credential: string): Promise<{ key?: CachedKey; problem?: VerificationErrorCode }> {
  if (!credential || credential.length > 1024) return { problem: "VERIFICATION_ERROR_INVALID_FORMAT" };
  // Our own format carries a checksum: a mistyped or truncated key is refused before any lookup.
  if (looksIssued(credential) && !isWellFormedSecret(credential)) return { problem: "VERIFICATION_ERROR_INVALID_FORMAT" };
  const key = await keyByHash(scope.project.id, scope.db, await credentialHashes(credential), scope.fresh);
  if (!key) return { problem: "VERIFICATION_ERROR_NOT_FOUND" };
  return { key, problem: keyProblem(key, scope.now, scope.ip) };
}

/**
 * `apiKeys:verify`: an issued or imported key of this project, or a token derived from one. Valid only when the key is
 * found, not revoked (a rotated key until its overlap ends), not expired and used from an allowed address. Usage
 * counters are tallied for valid keys and written in batches.
 */
export async function verifyCredential(scope: VerifyScope, credential: string): Promise<VerifyApiKeyResponse> {
  if (credential.split(".").length === 3 && !looksIssued(credential)) {
    const derived = await verifyDerivedToken(scope, credential);
    if (derived) return derived;
  }
  const { key, problem } = await resolveSecret(scope, credential);
  if (!key || problem) return refusal(problem ?? "VERIFICATION_ERROR_NOT_FOUND");
  recordUsage(scope.project.id, key.id, scope.now);
  return validKey(key, scope.issuer);
}
