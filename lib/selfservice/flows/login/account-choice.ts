import { completeLoginChallengeWithSession, oauth2PageContext, releaseRememberedLogin, type AccountChoice } from "@/lib/oauth2/identity";
import { revokeSession } from "@/lib/sessions";
import { text } from "../../ui";
import { flowJson, seeOther } from "../respond";
import { csrfTokenOf } from "../start";
import { saveFlow } from "../store";
import { renderNodes } from "../render";
import type { AccountChoiceAnswer } from "./account-chooser";
import type { FlowContext, FlowRecord, FlowResponse } from "../types";
import { csrfNode, setNodeValue, type UiText } from "../../ui";
import { flowUrls } from "../urls";
import { callerSession } from "../common";
import { continueAt } from "./login-challenge";

/**
 * The hosted account chooser (OIDC Core §3.1.2.1 prompt=select_account; an id_token_hint or remembered login for
 * another account): a login flow bound to the browser's session whose one step is choosing the account. Continuing
 * accepts the login challenge with that session (prompt=login, max_age and acr_values still apply); another account
 * turns the same flow into the sign-in form, and the session of whoever signs in replaces the browser's.
 */

/** The chooser's explanation above the choices. */
export function accountChoiceMessage(choice: AccountChoice): UiText {
  if (choice.reason === "select_account") return text.accountChoice(choice.current.identifier);
  const wanted = choice.hinted?.identifier;
  return wanted ? text.accountChoiceWanted(choice.client, wanted, choice.current.identifier) : text.accountChoiceOther(choice.client, choice.current.identifier);
}

export async function answerAccountChoice(ctx: FlowContext, flow: FlowRecord, choice: AccountChoiceAnswer, json: boolean): Promise<FlowResponse> {
  const challenge = flow.context.oauth2_login_challenge ?? "";
  if (choice === "current") return continueAsCurrent(ctx, flow, challenge, json);
  // Whoever signs in now answers the challenge, even if this browser remembers another login.
  await releaseRememberedLogin(oauth2PageContext(ctx), challenge);
  return switchToSignIn(ctx, flow, choice === "hinted" ? flow.context.account_choice?.hinted?.identifier : undefined, json);
}

async function continueAsCurrent(ctx: FlowContext, flow: FlowRecord, challenge: string, json: boolean): Promise<FlowResponse> {
  const restart = (query: Record<string, string | undefined> = {}) => continueAt(flowUrls(ctx).browserStart("login", { login_challenge: challenge, ...query }), json);
  const session = await callerSession(ctx, "browser");
  // The chooser named the session it was shown for; after a sign-in or sign-out in another tab, it asks again.
  if (!session || session.session.id !== flow.sessionId) return restart();
  const oauth2 = oauth2PageContext(ctx);
  if (flow.context.account_choice?.reason === "subject") await releaseRememberedLogin(oauth2, challenge);
  const result = await completeLoginChallengeWithSession(oauth2, challenge, session);
  if ("redirect_to" in result) {
    flow.state = "passed_challenge";
    await saveFlow(ctx, flow);
    return continueAt(result.redirect_to, json);
  }
  // prompt=login, max_age or acr_values: this account signs in again first, as without the chooser.
  return restart(result.reauthenticate === "aal" ? { aal: result.aal } : { refresh: "true" });
}

/** The same flow becomes the sign-in form for any account (the wanted identifier filled in when known). */
async function switchToSignIn(ctx: FlowContext, flow: FlowRecord, identifier: string | undefined, json: boolean): Promise<FlowResponse> {
  const { account_choice: _answered, ...context } = flow.context;
  flow.context = { ...context, switch_account: true };
  flow.identityId = null;
  flow.sessionId = null;
  const nodes = await renderNodes(ctx, flow, {}, csrfNode(csrfTokenOf(flow)));
  if (identifier) setNodeValue(nodes, "identifier", identifier);
  flow.ui = { action: flow.ui.action, method: flow.ui.method, nodes };
  const saved = await saveFlow(ctx, flow);
  return json ? flowJson(200, saved) : seeOther(flowUrls(ctx).ui("login", saved.id));
}

/**
 * After someone signed in on a switched flow: the browser's previous session ends, as Kratos does when another
 * identity signs in (its cookie is replaced by the new session's anyway; left active it would linger unseen).
 */
export async function endReplacedSession(ctx: FlowContext, flow: FlowRecord, newSessionId: string): Promise<void> {
  if (!flow.context.switch_account) return;
  const previous = await callerSession(ctx, "browser");
  if (previous && previous.session.id !== newSessionId) await revokeSession({ ...ctx, actor: { type: "identity", id: previous.identity.id } }, previous.session.id);
}
