import type { OAuth2Context } from "../context";
import { acceptConsentRequest, getConsentRequest, rejectConsentRequest } from "../flows/admin-requests";
import { identitySessionClaims } from "./claims";

/** What the hosted consent page shows (Hydra's consent request, client and scopes). */
export const loadConsentRequest = (ctx: OAuth2Context, challenge: string) => getConsentRequest(ctx, challenge);

export interface ConsentDecision {
  accept: boolean;
  remember: boolean;
  /** Scopes the user left ticked; must be among the requested ones. */
  grantScope: string[];
}

/**
 * The hosted consent page's decision. Accepting stores the identity's standard claims (from its traits) in the
 * consent session; the ID token and userinfo then release only those the granted scopes cover (claims/release.ts).
 */
export async function decideConsent(ctx: OAuth2Context, challenge: string, decision: ConsentDecision): Promise<{ redirect_to: string }> {
  const request = await getConsentRequest(ctx, challenge);
  if (!decision.accept) return rejectConsentRequest(ctx, challenge, { error: "access_denied", error_description: "The user denied the request." });
  const requested = request.requested_scope;
  const granted = decision.grantScope.filter((s) => requested.includes(s));
  if (requested.includes("openid") && !granted.includes("openid")) granted.unshift("openid");
  return acceptConsentRequest(ctx, challenge, {
    grant_scope: granted,
    grant_access_token_audience: request.requested_access_token_audience,
    remember: decision.remember,
    remember_for: 0,
    session: { ...(await identitySessionClaims(ctx, request.subject)), access_token: {} },
  });
}
