import { toOryIdentity, type IdentityRecord } from "@/lib/identity";
import { sessionFromRequest, toOrySession, type AuthenticatedSession, type SessionRecord } from "@/lib/sessions";
import { toOryFlow } from "./serialize";
import { flowJson, jsonResponse, seeOther, wantsJson } from "./respond";
import type { FlowContext, FlowRecord, FlowResponse, FlowType } from "./types";
import { flowUrls } from "./urls";

/** The caller's session; API flows only honour tokens, browser flows only the cookie (as Kratos). */
export async function callerSession(ctx: FlowContext, type: FlowType): Promise<AuthenticatedSession | undefined> {
  const found = await sessionFromRequest(ctx);
  if (!found) return undefined;
  return (type === "api") === (found.via === "token") ? found : undefined;
}

/** The preferred language for mails: `ui_locales` (OIDC Core §3.1.2.1), else the first Accept-Language tag. */
export function requestLocale(ctx: FlowContext): string | undefined {
  const ui = ctx.request.query.get("ui_locales")?.trim().split(/\s+/)[0];
  return ui || ctx.request.header("accept-language")?.split(",")[0]?.split(";")[0]?.trim() || undefined;
}

export const oryIdentity = (ctx: FlowContext, identity: IdentityRecord) => toOryIdentity(identity, { baseUrl: flowUrls(ctx).base });
export const orySession = (ctx: FlowContext, session: SessionRecord, identity: IdentityRecord) => toOrySession(session, identity, { baseUrl: flowUrls(ctx).base, now: ctx.now });

/** `ctx` for web hook templates: Kratos' names (flow, identity, session, transient_payload). */
export function hookPayload(flow: FlowRecord, extras: Record<string, unknown> = {}) {
  return { flow: toOryFlow(flow), transient_payload: flow.context.transient_payload ?? {}, ...extras };
}

/** Answers a new flow: JSON for API flows and AJAX, 303 to the flow's page for browser navigations. */
export function answerNewFlow(ctx: FlowContext, flow: FlowRecord, setCookies: string[]): FlowResponse {
  if (flow.type === "api" || wantsJson(ctx.request)) return flowJson(200, flow, setCookies);
  return seeOther(flowUrls(ctx).ui(flow.kind, flow.id), setCookies);
}

export const continueWithToken = (token: string) => ({ action: "set_ory_session_token", ory_session_token: token });
export const continueWithRedirect = (to: string) => ({ action: "redirect_browser_to", redirect_browser_to: to });

export { jsonResponse, seeOther };
