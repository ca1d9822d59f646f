import { availableAal, addAuthenticationMethod, newSession, sessionCookie } from "@/lib/sessions";
import { enqueueEmail } from "@/lib/courier";
import { configAt } from "@/lib/courier";
import { runWebHooks } from "../../hooks/web-hook";
import { aal1Required, aal2Unavailable, FlowValidationError, sessionAlreadyAvailable } from "../errors";
import { text } from "../../ui";
import { checkReturnTo } from "../return-to";
import { flowSettings } from "../config";
import { startFlow } from "../start";
import { submissionLimits, submissionPrefetch } from "../../strategies/strategy";
import { saveFlowOutcome } from "../store";
import { countAndLoad } from "../counted-load";
import type { KindHandler } from "../submit";
import type { FlowContext, FlowType, FlowResponse } from "../types";
import { flowUrls } from "../urls";
import { wantsJson } from "../respond";
import { accountChoiceMessage, answerAccountChoice, endReplacedSession } from "./account-choice";
import { finishWithLoginChallenge, startWithLoginChallenge } from "./login-challenge";
import { answerNewFlow, callerSession, continueWithRedirect, continueWithToken, hookPayload, jsonResponse, oryIdentity, orySession, requestLocale, seeOther } from "../common";

/** `GET /self-service/login/(browser|api)`: `refresh=true` re-authenticates, `aal=aal2` asks for a second factor. */
export async function createLoginFlow(ctx: FlowContext, type: FlowType): Promise<FlowResponse> {
  const query = ctx.request.query;
  const urls = flowUrls(ctx);
  const session = await callerSession(ctx, type);
  // An explicit refresh or higher AAL asks for a login even when the session could answer the challenge.
  const asked = query.get("refresh") === "true" || (query.get("aal") || "aal1") !== "aal1";
  const challenge = type === "browser" && query.get("login_challenge") ? await startWithLoginChallenge(ctx, query.get("login_challenge")!, asked ? undefined : session, wantsJson(ctx.request)) : undefined;
  if (challenge?.kind === "answered") return challenge.response;
  const choosing = challenge?.kind === "choose_account" ? challenge.choice : undefined;
  const signIn = challenge?.kind === "sign_in" ? challenge : undefined;
  const refresh = query.get("refresh") === "true" || Boolean(signIn?.refresh);
  const aal = signIn?.aal || query.get("aal") || "aal1";
  const returnTo = checkReturnTo(query.get("return_to"), urls.base, flowSettings(ctx.project.config).allowedReturnUrls);
  if (aal !== "aal1") {
    if (!session) throw aal1Required();
    // No second-factor method exists yet; an identity without one can never reach aal2.
    if (availableAal(session.identity) === "aal1" || aal !== "aal2") throw aal2Unavailable();
  }
  if (session && !refresh && aal === "aal1" && !choosing) throw sessionAlreadyAvailable(returnTo ?? urls.defaultReturn("login"));
  const reauth = Boolean(session && refresh);
  // A refresh, and the account chooser, are bound to the browser's session.
  const bound = reauth || Boolean(choosing);
  await runWebHooks(ctx, { flow: "login", phase: "before", payload: { request_url: ctx.request.url.toString() } });
  const { flow, setCookies } = await startFlow(ctx, {
    kind: "login",
    type,
    state: "choose_method",
    returnTo,
    identityId: bound ? session!.identity.id : null,
    sessionId: bound ? session!.session.id : null,
    context: { refresh, requested_aal: aal, identity_schema: query.get("identity_schema") ?? undefined, locale: requestLocale(ctx), oauth2_login_challenge: challenge?.challenge, account_choice: choosing },
    messages: reauth ? [text.loginReAuth()] : choosing ? [accountChoiceMessage(choosing)] : [],
    env: reauth ? { session, identity: session!.identity } : {},
  });
  return answerNewFlow(ctx, flow, setCookies);
}

export const loginHandler: KindHandler = {
  kind: "login",
  async env(ctx, flow) {
    if (!flow.context.refresh) return {};
    const session = await callerSession(ctx, flow.type);
    return session && session.identity.id === flow.identityId ? { session, identity: session.identity } : {};
  },
  countAndLoad(ctx, flowId, body) {
    // Per IP here, then the responsible strategy's own (per identifier for passwords), counted in the round trip that
    // reads the flow and, where the store allows, the strategy's first read (the password credential).
    return countAndLoad(ctx, "login", flowId, [
      { projectId: ctx.project.id, rule: "login:ip", subject: ctx.request.ip, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now },
      ...submissionLimits(ctx, "login", body),
    ], submissionPrefetch(ctx, "login", body));
  },
  async precheck(_ctx, flow) {
    if (flow.state === "passed_challenge") throw new FlowValidationError([{ id: 4010007, text: "The request was already completed successfully and can not be retried.", type: "error" }]);
  },
  async complete(ctx, flow, result, env, json) {
    if (result.kind === "account_chosen") return answerAccountChoice(ctx, flow, result.choice, json);
    if (result.kind !== "login") throw new Error("unexpected strategy result");
    const identity = result.identity;
    let session;
    let token: string | undefined;
    const refreshed = env.session ? await addAuthenticationMethod(ctx, env.session.session.id, result.method, "aal1") : undefined;
    flow.state = "passed_challenge";
    flow.active = result.method;
    if (refreshed) {
      session = refreshed;
      await saveFlowOutcome(ctx, flow);
    } else {
      // The new session is stored with the flow's outcome: one round trip.
      const issued = newSession(ctx, { identityId: identity.id, method: result.method, device: { ip: ctx.request.ip, userAgent: ctx.request.header("user-agent") ?? "" } });
      await saveFlowOutcome(ctx, flow, issued.insert);
      session = issued.session;
      token = issued.token;
      await endReplacedSession(ctx, flow, session.id);
    }
    await runWebHooks(ctx, { flow: "login", phase: "after", method: result.method, payload: () => hookPayload(flow, { identity: oryIdentity(ctx, identity), session: orySession(ctx, session, identity) }) });
    if (configAt(ctx.project.config, ["services", "identity", "config", "selfservice", "flows", "login", "notify_new_sign_in"]) === true) {
      const primary = identity.verifiableAddresses[0]?.value;
      if (primary) await enqueueEmail(ctx.db, ctx.project.id, { recipient: primary, templateType: "login_notice", data: { project: ctx.project.name, time: ctx.now.toISOString(), ip: ctx.request.ip, agent: ctx.request.header("user-agent") ?? "" }, locale: flow.context.locale });
    }
    const body = { session: orySession(ctx, session, identity) };
    if (flow.type === "api") {
      return jsonResponse(200, { ...body, ...(token ? { session_token: token, continue_with: [continueWithToken(token)] } : {}) });
    }
    const cookies = token ? [sessionCookie(ctx.project, token, session.expiresAt, ctx.request, ctx.now)] : [];
    const oauth2 = await finishWithLoginChallenge(ctx, flow, { session, identity }, json, cookies);
    if (oauth2) return oauth2;
    const target = flow.returnTo || flowUrls(ctx).defaultReturn("login");
    return json ? jsonResponse(200, { ...body, continue_with: [continueWithRedirect(target)] }, cookies) : seeOther(target, cookies);
  },
};
