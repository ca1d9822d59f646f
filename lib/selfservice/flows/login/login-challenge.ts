import { isAppError } from "@/lib/core/errors";
import { acceptLoginWithSession, accountChoiceFor, completeLoginChallengeWithSession, loadLoginRequest, loginRequiredWithoutPrompt, oauth2PageContext, type AccountChoice } from "@/lib/oauth2/identity";
import type { AuthenticatedSession } from "@/lib/sessions";
import { browserError, errorJson } from "../respond";
import type { FlowContext, FlowRecord, FlowResponse } from "../types";
import { continueWithRedirect, jsonResponse, seeOther } from "../common";

/**
 * Kratos' `login_challenge` on browser login and registration flows (Hydra integration): the OAuth2 provider sends
 * the browser to the hosted login with a challenge; the flow keeps it (`oauth2_login_challenge`) and, once someone
 * has signed in, accepts the challenge with that identity session and continues at Hydra's `redirect_to`.
 */

/** What a new login flow does with `?login_challenge=`: answer it now, or sign in (again) first. */
export type ChallengeStart =
  | { kind: "answered"; response: FlowResponse }
  | { kind: "sign_in"; challenge: string; refresh: boolean; aal?: string }
  | { kind: "choose_account"; challenge: string; choice: AccountChoice };

const oauth2Ctx = (ctx: FlowContext) => oauth2PageContext(ctx);

type IdentitySessionPair = Omit<AuthenticatedSession, "via">;

/** Redirects the browser (303, or Kratos' `redirect_browser_to` for AJAX clients) onwards to the OAuth2 provider. */
export function continueAt(target: string, json: boolean, cookies: string[] = []): FlowResponse {
  return json ? jsonResponse(200, { redirect_browser_to: target, continue_with: [continueWithRedirect(target)] }, cookies) : seeOther(target, cookies);
}

/**
 * With a valid identity session that needs no new authentication, the challenge is accepted at once (no form);
 * prompt=select_account, or a request for another account (id_token_hint, remembered login), asks which account
 * first; otherwise the flow refreshes the session (prompt=login, max_age) or asks for the AAL that `acr_values`
 * wants. Unknown or handled challenges throw (404/410 → the error page).
 */
export async function startWithLoginChallenge(ctx: FlowContext, challenge: string, session: AuthenticatedSession | undefined, json: boolean): Promise<ChallengeStart> {
  const choice = session ? await accountChoiceFor(oauth2Ctx(ctx), challenge, session) : undefined;
  if (choice) {
    // prompt=none allows no page, not even the chooser (OIDC Core §3.1.2.1): login_required instead (§3.1.2.6).
    const refused = await loginRequiredWithoutPrompt(oauth2Ctx(ctx), challenge);
    return refused ? { kind: "answered", response: continueAt(refused.redirect_to, json) } : { kind: "choose_account", challenge, choice };
  }
  const result = session ? await completeLoginChallengeWithSession(oauth2Ctx(ctx), challenge, session) : undefined;
  if (result && "redirect_to" in result) return { kind: "answered", response: continueAt(result.redirect_to, json) };
  // prompt=none with a remembered login but no usable identity session: no page may be shown.
  const refused = await loginRequiredWithoutPrompt(oauth2Ctx(ctx), challenge);
  if (refused) return { kind: "answered", response: continueAt(refused.redirect_to, json) };
  if (!result) {
    await loadLoginRequest(oauth2Ctx(ctx), challenge); // unknown or handled challenges: 404/410 → the error page
    return { kind: "sign_in", challenge, refresh: false };
  }
  if (result.reauthenticate === "aal") return { kind: "sign_in", challenge, refresh: false, aal: result.aal };
  return { kind: "sign_in", challenge, refresh: true };
}

/**
 * After a completed login or registration: accepts the flow's challenge with the new (or refreshed) session and
 * continues at the provider; undefined when the flow has no challenge. A challenge that meanwhile expired or was
 * handled shows the error page — the new session cookie is set all the same.
 */
export async function finishWithLoginChallenge(ctx: FlowContext, flow: FlowRecord, auth: IdentitySessionPair, json: boolean, cookies: string[]): Promise<FlowResponse | undefined> {
  const challenge = flow.context.oauth2_login_challenge;
  if (!challenge || flow.type !== "browser") return undefined;
  try {
    const { redirect_to } = await acceptLoginWithSession(oauth2Ctx(ctx), challenge, { ...auth, via: "cookie" });
    return continueAt(redirect_to, json, cookies);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return json ? errorJson(error, cookies) : browserError(ctx, error, cookies);
  }
}

/** Kratos' `oauth2_login_request` on a flow with a challenge (which app asks); omitted once the challenge is gone. */
export async function loginRequestExtras(ctx: FlowContext, flow: FlowRecord): Promise<Record<string, unknown>> {
  const challenge = flow.context.oauth2_login_challenge;
  if (!challenge) return {};
  const request = await loadLoginRequest(oauth2Ctx(ctx), challenge).catch((error: unknown) => {
    if (isAppError(error)) return undefined;
    throw error;
  });
  return request ? { oauth2_login_request: request } : {};
}
