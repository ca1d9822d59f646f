import { availableAal, newSession } from "@/lib/sessions";
import { afterHooks, runHooks, runWebHooks, type LoginOutcome } from "../../hooks";
import { text } from "../../ui";
import { aal1Required, aal2Unavailable, FlowValidationError, sessionAlreadyAvailable } from "../errors";
import { checkReturnTo } from "../return-to";
import { flowSettings } from "../config";
import { startFlow } from "../start";
import { countAndLoad } from "../counted-load";
import { firstResponsible, NOT_RESPONSIBLE } from "../strategy";
import { loginStrategiesFor, requestedAal } from "../render";
import { projectStrategies } from "../../strategies";
import type { KindHandler } from "../submit";
import type { FlowContext, FlowRecord, FlowType, FlowResponse } from "../types";
import { flowUrls } from "../urls";
import { wantsJson } from "../respond";
import { accountChoiceMessage, answerAccountChoice } from "./account-choice";
import { accountChooserAnswer, isChoosingAccount, type AccountChoiceAnswer } from "./account-chooser";
import { startWithLoginChallenge } from "./login-challenge";
import type { LoginEnv, LoginResult } from "./strategy";
import { answerNewFlow, callerSession, continueWithRedirect, jsonResponse, orySession, requestLocale, seeOther } from "../common";

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

/** A login submission's answer: a sign-in method's result, or the OAuth2 account chooser's. */
type LoginAnswer = { signedIn: LoginResult } | { chosen: AccountChoiceAnswer };

/** The login strategies' limits and prefetch for a submission (counted with the flow's own, see countAndLoad). */
function submissionReads(ctx: FlowContext, body: Record<string, unknown>) {
  // The flow is not loaded yet: every enabled method is asked; each answers only for its own submissions.
  const strategies = projectStrategies(ctx).login;
  const limits = strategies.flatMap((strategy) => strategy.limits?.(ctx, body) ?? []);
  const prefetch = strategies.map((strategy) => strategy.prefetch?.(ctx, body)).find((statement) => statement !== undefined);
  return { limits, prefetch };
}

export const loginHandler: KindHandler<LoginEnv, LoginAnswer> = {
  kind: "login",
  async env(ctx, flow, prefetched) {
    const env: LoginEnv = { requestedAal: requestedAal(flow), ...(prefetched ? { prefetched } : {}) };
    if (!flow.context.refresh && env.requestedAal === "aal1") return env;
    const session = await callerSession(ctx, flow.type);
    return session && session.identity.id === flow.identityId ? { ...env, session, identity: session.identity } : env;
  },
  countAndLoad(ctx, flowId, body) {
    // Per IP here, then the responsible strategy's own (per identifier for passwords), counted in the round trip that
    // reads the flow and, where the store allows, the strategy's first read (the password credential).
    const { limits, prefetch } = submissionReads(ctx, body);
    return countAndLoad(ctx, "login", flowId, [
      { projectId: ctx.project.id, rule: "login:ip", subject: ctx.request.ip, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now },
      ...limits,
    ], prefetch);
  },
  async precheck(_ctx, flow) {
    if (flow.state === "passed_challenge") throw new FlowValidationError([{ id: 4010007, text: "The request was already completed successfully and can not be retried.", type: "error" }]);
  },
  async submit(ctx, flow, body, env) {
    if (isChoosingAccount(flow)) {
      const chosen = accountChooserAnswer(flow, body);
      return chosen === NOT_RESPONSIBLE ? chosen : { chosen };
    }
    const signedIn = await firstResponsible(loginStrategiesFor(ctx, flow), (strategy) => strategy.login(ctx, flow, body, env));
    return signedIn === NOT_RESPONSIBLE ? signedIn : { signedIn };
  },
  async complete(ctx, flow, answer, env, json) {
    if ("chosen" in answer) return answerAccountChoice(ctx, flow, answer.chosen, json);
    return completeLogin(ctx, flow, answer.signedIn, env, json);
  },
};

/** After a sign-in: the login's after hooks (session, web hooks, notification, OAuth2 challenge), then the answer. */
async function completeLogin(ctx: FlowContext, flow: FlowRecord, result: LoginResult, env: LoginEnv, json: boolean): Promise<FlowResponse> {
  const { identity, method } = result;
  const refreshes = env.session?.session;
  // A new session is built now and stored by the `session` hook with the flow's outcome — unless the caller's is
  // refreshed (or stepped up) instead.
  const pending = newSession(ctx, { identityId: identity.id, method, aal: result.aal, device: { ip: ctx.request.ip, userAgent: ctx.request.header("user-agent") ?? "" } });
  const outcome: LoginOutcome = { flow, identity, method, aal: result.aal, json, cookies: [], continueWith: [], session: refreshes ?? pending.session, pending, refreshes };
  await runHooks(ctx, "login", afterHooks(ctx.project.config, "login", method), outcome);
  if (outcome.response) return outcome.response;
  const body = { session: orySession(ctx, outcome.session, identity) };
  if (flow.type === "api") {
    const token = outcome.token;
    return jsonResponse(200, { ...body, ...(token ? { session_token: token, continue_with: outcome.continueWith } : {}) });
  }
  const target = outcome.redirectTo ?? (flow.returnTo || flowUrls(ctx).defaultReturn("login"));
  return json ? jsonResponse(200, { ...body, continue_with: [...outcome.continueWith, continueWithRedirect(target)] }, outcome.cookies) : seeOther(target, outcome.cookies);
}
