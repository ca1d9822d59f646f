import { randomUUID } from "node:crypto";
import { badRequest, unauthorized } from "@/lib/core/errors";
import { signCompact, signingKey } from "@/lib/keys";
import { DEFAULT_DERIVED_TTL_MS, DERIVED_ALG, DERIVED_KEY_SET, DERIVED_TOKEN_TYPE, MAX_DERIVED_TTL_MS, RESERVED_CLAIMS } from "./derived-keys";
import type { DeriveTokenInput } from "./schemas";
import type { ServiceScope } from "./scope";
import { parseTtl } from "./ttl";
import type { VerifyScope } from "./verdict";
import { resolveSecret } from "./verify";

/**
 * `apiKeys:derive`: a short-lived JWT (RFC 7519) for a valid key, signed with the project's EdDSA key (RFC 8037) of
 * the derived set. Scopes may narrow the key's, never widen them; the lifetime ends with the key's at the latest.
 */
export async function deriveToken(scope: ServiceScope & { issuer: string; ip?: string }, input: DeriveTokenInput) {
  const verifyScope: VerifyScope = { project: scope.project, db: async () => scope.db, now: scope.now, ip: scope.ip, issuer: scope.issuer };
  const { key, problem } = await resolveSecret(verifyScope, input.credential);
  if (!key || problem) {
    throw unauthorized("The API key is not valid.", { id: "api_key_invalid", reason: problem ?? "VERIFICATION_ERROR_NOT_FOUND" });
  }
  const scopes = input.scopes ?? key.scopes;
  const extra = scopes.filter((s) => !key.scopes.includes(s));
  if (extra.length) throw badRequest(`The key does not carry the scopes ${extra.join(", ")}.`, { id: "api_key_scope_not_granted" });
  const reserved = Object.keys(input.custom_claims ?? {}).filter((claim) => RESERVED_CLAIMS.has(claim));
  if (reserved.length) throw badRequest(`custom_claims may not set the reserved claims ${reserved.join(", ")}.`, { id: "api_key_reserved_claim" });
  const ttl = Math.min(parseTtl(input.ttl) ?? DEFAULT_DERIVED_TTL_MS, MAX_DERIVED_TTL_MS);
  const now = scope.now.getTime();
  const expires = Math.min(now + ttl, key.expiresAt?.getTime() ?? Infinity, key.revokedAt?.getTime() ?? Infinity);
  const iat = Math.floor(now / 1000);
  const claims = {
    ...input.custom_claims,
    iss: scope.issuer, sub: key.actorId || key.id, iat, nbf: iat, exp: Math.floor(expires / 1000), jti: randomUUID(),
    scope: scopes.join(" "), api_key_id: key.id, ...(key.actorId ? { actor_id: key.actorId } : {}),
  };
  const signer = await signingKey(scope, DERIVED_KEY_SET, DERIVED_ALG, async () => MAX_DERIVED_TTL_MS);
  const token = signCompact({ typ: DERIVED_TOKEN_TYPE, kid: signer.kid }, claims, signer.key, DERIVED_ALG);
  return { token: { token, claims, scopes, expire_time: new Date(claims.exp * 1000).toISOString() } };
}
