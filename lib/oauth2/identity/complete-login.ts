import { availableAal, type Aal, type AuthenticatedSession, type AuthenticationMethod } from "@/lib/sessions";
import { answeredAcr, wantedAal } from "../acr";
import type { OAuth2Context } from "../context";
import { acceptLoginRequest, getLoginRequest, rejectLoginRequest } from "../flows/admin-requests";
import { findFlow } from "../flows/store";

export type ReauthenticationReason = "prompt" | "max_age" | "aal" | "subject";
export type LoginChallengeResult = { redirect_to: string } | { reauthenticate: ReauthenticationReason; aal?: Aal };

/** Hydra's login request of a challenge (the hosted login shows which client asks). */
export const loadLoginRequest = (ctx: OAuth2Context, challenge: string) => getLoginRequest(ctx, challenge);

/**
 * Why the browser's identity session cannot answer the login challenge as it is, if it cannot:
 * - prompt=login asks for a new authentication (OIDC Core §3.1.2.1);
 * - a session older than max_age must authenticate again (OIDC Core §3.1.2.1);
 * - `acr_values` whose first reachable preference is above the session's level ask for a second factor (OIDC Core
 *   §3.1.2.1 voluntary acr; only when the identity has one — otherwise the login is accepted with the level it has);
 * - a remembered login (Hydra's skip) of another subject cannot be continued by this session.
 */
export async function reauthenticationNeeded(ctx: OAuth2Context, challenge: string, auth: AuthenticatedSession): Promise<{ reason: ReauthenticationReason; aal?: Aal } | undefined> {
  const request = await getLoginRequest(ctx, challenge);
  const flow = await findFlow(ctx.db, { id: challenge });
  const { session, identity } = auth;
  if (flow?.request.prompt.includes("login")) return { reason: "prompt" };
  const maxAge = flow?.request.maxAge;
  if (maxAge !== undefined && session.authenticatedAt.getTime() + maxAge * 1000 < ctx.now.getTime()) return { reason: "max_age" };
  const wanted = wantedAal(request.oidc_context.acr_values, availableAal(identity));
  if (wanted && answeredAcr([wanted], session.aal) !== wanted) return { reason: "aal", aal: wanted };
  if (request.skip && request.subject !== identity.id) return { reason: "subject" };
  return undefined;
}

/**
 * Accepts the login challenge for the identity session (after any re-authentication it needed), with `acr` the
 * requested value the session satisfied (OIDC Core §3.1.2.1) or else the session's own level.
 */
export async function acceptLoginWithSession(ctx: OAuth2Context, challenge: string, auth: AuthenticatedSession): Promise<{ redirect_to: string }> {
  const { session, identity } = auth;
  const flow = await findFlow(ctx.db, { id: challenge });
  const methods = Array.isArray(session.authenticationMethods) ? (session.authenticationMethods as unknown as AuthenticationMethod[]) : [];
  return acceptLoginRequest(ctx, challenge, {
    subject: identity.id,
    remember: true,
    remember_for: Math.max(0, Math.floor((session.expiresAt.getTime() - ctx.now.getTime()) / 1000)),
    acr: answeredAcr(flow?.request.acrValues ?? [], session.aal),
    amr: [...new Set(methods.map((m) => m.method))],
    context: { session_id: session.id },
    identity_provider_session_id: session.id,
  });
}

/**
 * Glue for the hosted login: answers a Hydra login challenge with the browser's identity session, unless the
 * request needs a new authentication first (see reauthenticationNeeded) — the login flow then runs it.
 */
export async function completeLoginChallengeWithSession(ctx: OAuth2Context, challenge: string, auth: AuthenticatedSession): Promise<LoginChallengeResult> {
  const needed = await reauthenticationNeeded(ctx, challenge, auth);
  if (needed) return { reauthenticate: needed.reason, ...(needed.aal ? { aal: needed.aal } : {}) };
  return acceptLoginWithSession(ctx, challenge, auth);
}

/**
 * prompt=none forbids any login page (OIDC Core §3.1.2.1): when the identity session cannot answer the challenge
 * as it is, the request fails with login_required (§3.1.2.6) instead. Undefined when the request allows a page.
 */
export async function loginRequiredWithoutPrompt(ctx: OAuth2Context, challenge: string): Promise<{ redirect_to: string } | undefined> {
  const flow = await findFlow(ctx.db, { id: challenge });
  if (!flow?.request.prompt.includes("none")) return undefined;
  return rejectLoginRequest(ctx, challenge, { error: "login_required", error_description: "The end-user must sign in, which prompt=none does not allow." });
}
