import { randomBytes } from "node:crypto";
import { settingsOf, type OAuth2Context } from "../context";
import { resolveProjectUrl } from "../issuer";
import { newFlowCsrf } from "./csrf";
import { loginSessionFromCookie, newLoginSessionId, type LoginSession } from "./login-sessions";
import { parseAuthorizationRequest } from "./parse-request";
import { errorToClient, type AuthorizeOutcome } from "./response";
import { insertFlow } from "./store";
import type { AuthorizationRequest } from "./types";

export const newChallenge = (): string => randomBytes(32).toString("base64url");

/**
 * Whether the remembered login can be reused without asking (Hydra's login `skip`): not with prompt=login,
 * not when older than max_age (OIDC Core §3.1.2.1), not for another subject than id_token_hint's.
 */
function reusableLogin(ctx: OAuth2Context, request: AuthorizationRequest, session: LoginSession | undefined): boolean {
  if (!session || request.prompt.includes("login") || request.prompt.includes("select_account")) return false;
  if (request.maxAge !== undefined && session.authenticatedAt.getTime() + request.maxAge * 1000 < ctx.now.getTime()) return false;
  const hinted = request.idTokenHintClaims?.sub;
  return hinted === undefined || hinted === session.subject;
}

/** A new authorization request: validate, then hand the browser to the login UI with a login challenge. */
export async function startAuthorization(ctx: OAuth2Context, params: URLSearchParams, cookieHeader: string | undefined, deviceRequestId?: string): Promise<AuthorizeOutcome> {
  const parsed = await parseAuthorizationRequest(ctx, params);
  if (!parsed.ok) return parsed.outcome;
  const request = { ...parsed.request, ...(deviceRequestId ? { deviceRequestId } : {}) };
  return createLoginRequest(ctx, request, cookieHeader);
}

export async function createLoginRequest(ctx: OAuth2Context, request: AuthorizationRequest, cookieHeader: string | undefined): Promise<AuthorizeOutcome> {
  const settings = settingsOf(ctx);
  const session = await loginSessionFromCookie(ctx, cookieHeader);
  const skip = reusableLogin(ctx, request, session);
  if (!skip && request.prompt.includes("none")) {
    return errorToClient(request, ctx.issuer, "login_required", "The end-user is not authenticated, or must authenticate again (prompt=none).");
  }
  const id = newChallenge();
  const lifetime = settings.ttl.login_consent_request;
  const csrf = newFlowCsrf(ctx.issuer, id, Math.round(lifetime / 1000));
  await insertFlow(ctx.db, ctx.project.id, {
    id,
    state: "login_requested",
    clientId: request.clientId,
    subject: skip ? session!.subject : "",
    loginSessionId: skip ? session!.id : newLoginSessionId(),
    consentChallenge: null,
    loginVerifier: null,
    consentVerifier: null,
    csrfHash: csrf.hash,
    request,
    login: null,
    consent: null,
    remember: false,
    requestedAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + lifetime),
    handledAt: null,
    consentExpiresAt: null,
    revokedAt: null,
  });
  const target = resolveProjectUrl(ctx.issuer, settings.urls.login);
  target.searchParams.set("login_challenge", id);
  return { type: "redirect", location: target.toString(), cookies: [csrf.cookie] };
}
