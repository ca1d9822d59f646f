import { SCOPE_CLAIMS, STANDARD_CLAIMS } from "./standard-claims";

const STANDARD = new Set(STANDARD_CLAIMS);
/** Claims the provider sets itself (OIDC Core §2, §3.1.3.6, §3.3.2.11); the consent session cannot supply them. */
const PROTOCOL = new Set(["iss", "sub", "aud", "exp", "iat", "nbf", "jti", "auth_time", "nonce", "acr", "amr", "sid", "at_hash", "c_hash", "azp"]);

/**
 * The one claim-release rule for the ID token and userinfo (OIDC Core §5.4, §5.3.2, §3.1.2.4): a standard claim is
 * released only when the scope that requests it (profile, email, address, phone) was granted, so a claim the user
 * declined on the consent page never leaves; other (custom) claims the consent session set are released as set
 * (the consent app decided them, as with Hydra). The `claims` request parameter (§5.5) does not widen this: the
 * consent page asks about scopes, so a claim outside a granted scope was never agreed to.
 */
export function releasedClaims(session: Record<string, unknown> | undefined, grantedScopes: readonly string[]): Record<string, unknown> {
  const granted = new Set(grantedScopes.flatMap((scope) => SCOPE_CLAIMS[scope] ?? []));
  const released: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(session ?? {})) {
    if (PROTOCOL.has(name) || (STANDARD.has(name) && !granted.has(name))) continue;
    released[name] = value;
  }
  return released;
}
