import type { AuthenticatedSession, AuthenticationMethod } from "@/lib/sessions";
import type { OAuth2Context } from "../context";
import { acceptLoginRequest, getLoginRequest } from "../flows/admin-requests";
import { findFlow } from "../flows/store";

export type LoginChallengeResult = { redirect_to: string } | { reauthenticate: "max_age" | "aal" | "subject" };

/**
 * Glue for the hosted login page: answers a Hydra login challenge with the browser's identity session.
 * A session older than max_age (OIDC Core §3.1.2.1), below the requested AAL (`acr_values` aal2/aal3), or of
 * another subject than a remembered login must sign in again — the page then runs a refresh login first.
 */
export async function completeLoginChallengeWithSession(ctx: OAuth2Context, challenge: string, auth: AuthenticatedSession): Promise<LoginChallengeResult> {
  const request = await getLoginRequest(ctx, challenge);
  const flow = await findFlow(ctx.db, { id: challenge });
  const { session, identity } = auth;
  const maxAge = flow?.request.maxAge;
  if (maxAge !== undefined && session.authenticatedAt.getTime() + maxAge * 1000 < ctx.now.getTime()) return { reauthenticate: "max_age" };
  const wanted = request.oidc_context.acr_values.find((v) => /^aal[123]$/.test(v));
  if (wanted && session.aal < wanted) return { reauthenticate: "aal" };
  if (request.skip && request.subject !== identity.id) return { reauthenticate: "subject" };
  const methods = Array.isArray(session.authenticationMethods) ? (session.authenticationMethods as unknown as AuthenticationMethod[]) : [];
  return acceptLoginRequest(ctx, challenge, {
    subject: identity.id,
    remember: true,
    remember_for: Math.max(0, Math.floor((session.expiresAt.getTime() - ctx.now.getTime()) / 1000)),
    acr: session.aal,
    amr: [...new Set(methods.map((m) => m.method))],
    context: { session_id: session.id },
    identity_provider_session_id: session.id,
  });
}
