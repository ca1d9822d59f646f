import { unauthorizedError, forbiddenError } from "../../pipeline/errors";
import { missingScopes, scopesOf, type ScopeStrategy } from "./scope-strategy";

export interface ClaimRequirements {
  trusted_issuers?: string[];
  target_audience?: string[];
  required_scope?: string[];
  scope_strategy: ScopeStrategy;
}

/**
 * Oathkeeper's checks on a validated token's claims: the issuer is trusted (RFC 7519 §4.1.1), every target
 * audience is in `aud` (§4.1.3), and the granted scopes cover the required ones under the scope strategy.
 */
export function checkClaims(claims: Record<string, unknown>, requirements: ClaimRequirements): void {
  const { trusted_issuers, target_audience, required_scope, scope_strategy } = requirements;
  if (trusted_issuers?.length && !trusted_issuers.includes(String(claims.iss ?? ""))) {
    throw unauthorizedError("The token was issued by an untrusted issuer.");
  }
  if (target_audience?.length) {
    const aud = Array.isArray(claims.aud) ? claims.aud.map(String) : typeof claims.aud === "string" ? [claims.aud] : [];
    const missing = target_audience.filter((a) => !aud.includes(a));
    if (missing.length) throw unauthorizedError(`The token is not intended for audience ${missing.join(", ")}.`);
  }
  if (required_scope?.length) {
    const missing = missingScopes(scopesOf(claims), required_scope, scope_strategy === "none" ? "exact" : scope_strategy);
    if (missing.length) throw forbiddenError(`The token lacks scope ${missing.join(", ")}.`);
  }
}
