import type { ProjectDb } from "@/lib/db";
import { ipAllowed } from "./ip-restriction";
import type { CachedKey } from "./key-cache";

export type VerificationErrorCode =
  | "VERIFICATION_ERROR_INVALID_FORMAT" | "VERIFICATION_ERROR_EXPIRED" | "VERIFICATION_ERROR_REVOKED"
  | "VERIFICATION_ERROR_NOT_FOUND" | "VERIFICATION_ERROR_SIGNATURE_INVALID" | "VERIFICATION_ERROR_IP_NOT_ALLOWED";

/** Ory's VerifyApiKeyResponse. */
export interface VerifyApiKeyResponse {
  is_valid: boolean;
  key_id?: string;
  actor_id?: string;
  scopes?: string[];
  metadata?: Record<string, unknown>;
  visibility?: string;
  status?: "KEY_STATUS_ACTIVE";
  expire_time?: string;
  rate_limit_policy?: Record<string, unknown>;
  issuer?: string;
  error_code?: VerificationErrorCode;
  error_message?: string;
}

/** What verification needs: the project (its own keys only), a lazy database handle, the time and the caller's address. */
export interface VerifyScope {
  project: { id: string };
  db(): Promise<ProjectDb>;
  now: Date;
  /** The address the IP restriction applies to (the API caller, or the gateway's client). */
  ip?: string;
  issuer: string;
  /** Skip the process cache (the caller sent `Cache-Control: no-cache` or `Pragma: no-cache`). */
  fresh?: boolean;
}

const MESSAGES: Record<VerificationErrorCode, string> = {
  VERIFICATION_ERROR_INVALID_FORMAT: "The credential is malformed.",
  VERIFICATION_ERROR_EXPIRED: "The credential has expired.",
  VERIFICATION_ERROR_REVOKED: "The credential has been revoked.",
  VERIFICATION_ERROR_NOT_FOUND: "The credential is not known to this project.",
  VERIFICATION_ERROR_SIGNATURE_INVALID: "The credential's signature is invalid.",
  VERIFICATION_ERROR_IP_NOT_ALLOWED: "The credential may not be used from this address.",
};

export const refusal = (code: VerificationErrorCode): VerifyApiKeyResponse => ({ is_valid: false, error_code: code, error_message: MESSAGES[code] });

/** Checks a stored key's state at `now` and from `ip`; undefined when it may be used. */
export function keyProblem(key: CachedKey, now: Date, ip: string | undefined): VerificationErrorCode | undefined {
  if (key.revokedAt && key.revokedAt <= now) return "VERIFICATION_ERROR_REVOKED";
  if (key.expiresAt && key.expiresAt <= now) return "VERIFICATION_ERROR_EXPIRED";
  if (!ipAllowed(key.allowList, ip)) return "VERIFICATION_ERROR_IP_NOT_ALLOWED";
  return undefined;
}

export function validKey(key: CachedKey, issuer: string, scopes = key.scopes, expiresAt = key.expiresAt): VerifyApiKeyResponse {
  return {
    is_valid: true, key_id: key.id, actor_id: key.actorId, scopes, metadata: key.metadata, visibility: key.visibility,
    status: "KEY_STATUS_ACTIVE", ...(expiresAt ? { expire_time: expiresAt.toISOString() } : {}),
    ...(key.rateLimitPolicy ? { rate_limit_policy: key.rateLimitPolicy } : {}), issuer,
  };
}
