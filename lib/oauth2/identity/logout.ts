import { revokeSession, sessionFromRequest } from "@/lib/sessions";
import type { OAuth2Context } from "../context";
import { acceptLogoutRequest, getLogoutRequest, rejectLogoutRequest } from "../logout/rp-logout";

/** What the hosted logout confirmation shows (Hydra's logout request: which client asks, for whom). */
export const loadLogoutRequest = (ctx: OAuth2Context, challenge: string) => getLogoutRequest(ctx, challenge);

/**
 * The hosted logout page's decision (OIDC RP-Initiated Logout 1.0 §3: the OP asks whether to log out).
 * Yes: the provider's login session ends (which revokes the identity session it came from) and the browser's
 * own identity session of the same subject ends too, then the provider continues to post_logout_redirect_uri.
 * No: the request is rejected and the person stays signed in (Hydra leaves where to go to the UI).
 */
export async function decideLogout(ctx: OAuth2Context, challenge: string, accept: boolean): Promise<{ redirect_to?: string }> {
  if (!accept) {
    await rejectLogoutRequest(ctx, challenge);
    return {};
  }
  const request = await getLogoutRequest(ctx, challenge);
  const browser = await sessionFromRequest(ctx);
  if (browser?.via === "cookie" && (!request.subject || browser.identity.id === request.subject)) await revokeSession(ctx, browser.session.id);
  return acceptLogoutRequest(ctx, challenge);
}
