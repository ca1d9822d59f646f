import type { OAuth2Context } from "../context";
import { continueAfterConsent, continueAfterLogin } from "../flows/continue";
import type { AuthorizeOutcome } from "../flows/response";
import { startAuthorization } from "../flows/start";

/** The authorization endpoint (RFC 6749 §3.1): a new request, or the browser returning from login or consent. */
export async function authorizationEndpoint(ctx: OAuth2Context, params: URLSearchParams, cookieHeader: string | undefined): Promise<AuthorizeOutcome> {
  const loginVerifier = params.get("login_verifier");
  if (loginVerifier) return continueAfterLogin(ctx, loginVerifier, cookieHeader);
  const consentVerifier = params.get("consent_verifier");
  if (consentVerifier) return continueAfterConsent(ctx, consentVerifier, cookieHeader);
  return startAuthorization(ctx, params, cookieHeader);
}
