import { recordAudit } from "@/lib/audit";
import { issueSession, sessionCookie } from "@/lib/sessions";
import { runWebHooks } from "../../hooks/web-hook";
import { browserLocationChangeRequired, flowDisabled } from "../errors";
import { text } from "../../ui";
import { flowJson } from "../respond";
import { flowSettings } from "../config";
import { startFlow } from "../start";
import { saveFlow } from "../store";
import type { KindHandler } from "../submit";
import type { FlowContext, FlowRecord, FlowResponse, FlowType } from "../types";
import { flowUrls } from "../urls";
import { answerNewFlow, continueWithToken, hookPayload, oryIdentity, orySession, requestLocale, seeOther } from "../common";
import { rerender } from "../verification/verification";
import type { IdentityRecord } from "@/lib/identity";

/** `GET /self-service/recovery/(browser|api)`. */
export async function createRecoveryFlow(ctx: FlowContext, type: FlowType): Promise<FlowResponse> {
  if (!flowSettings(ctx.project.config).enabled("recovery")) throw flowDisabled("recovery");
  await runWebHooks(ctx, { flow: "recovery", phase: "before", payload: { request_url: ctx.request.url.toString() } });
  const { flow, setCookies } = await startFlow(ctx, { kind: "recovery", type, state: "choose_method", returnTo: ctx.request.query.get("return_to"), context: { locale: requestLocale(ctx) } });
  return answerNewFlow(ctx, flow, setCookies);
}

/**
 * A recovered account: a fresh session (method `code_recovery`, privileged now), and a settings flow carrying the
 * "recovered" message where the user sets a new password. Browsers are sent there (303, or 422 for AJAX as Kratos);
 * API clients get the session token and the settings flow in `continue_with`.
 */
export async function completeRecovery(ctx: FlowContext, flow: FlowRecord, identity: IdentityRecord, method: string, json: boolean): Promise<FlowResponse> {
  const { session, token } = await issueSession(ctx, { identityId: identity.id, method, device: { ip: ctx.request.ip, userAgent: ctx.request.header("user-agent") ?? "" } });
  const privilegedUntil = new Date(ctx.now.getTime() + flowSettings(ctx.project.config).privilegedSessionMaxAgeMs);
  const { flow: settings, setCookies } = await startFlow(ctx, {
    kind: "settings", type: flow.type, state: "show_form", returnTo: flow.returnTo || undefined,
    identityId: identity.id, sessionId: session.id, messages: [text.recoverySuccessful(privilegedUntil, ctx.now)],
    env: { identity },
  });
  const settingsUrl = flowUrls(ctx).ui("settings", settings.id);
  flow.state = "passed_challenge";
  flow.identityId = identity.id;
  flow.context = { ...flow.context, continue_with: [{ action: "show_settings_ui", flow: { id: settings.id, url: settingsUrl } }] };
  await recordAudit(ctx.db, {
    workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, actorType: "identity", actorId: identity.id,
    action: "selfservice.recovery.completed", targetType: "identity", targetId: identity.id, data: { method, flow_id: flow.id }, ip: ctx.request.ip,
  });
  await runWebHooks(ctx, { flow: "recovery", phase: "after", payload: hookPayload(flow, { identity: oryIdentity(ctx, identity), session: orySession(ctx, session, identity) }) });
  if (flow.type === "api") {
    flow.context.continue_with = [continueWithToken(token), ...(flow.context.continue_with ?? [])];
    return flowJson(200, await rerender(ctx, flow, []));
  }
  await rerender(ctx, flow, []);
  const cookies = [sessionCookie(ctx.project, token, session.expiresAt, ctx.request, ctx.now), ...setCookies];
  if (json) {
    const error = browserLocationChangeRequired(settingsUrl);
    return { status: 422, headers: { "content-type": "application/json; charset=utf-8", "set-cookie": cookies }, body: JSON.stringify({ error: { id: error.id, code: 422, status: "Unprocessable Entity", reason: error.reason, message: error.message }, redirect_browser_to: settingsUrl }) };
  }
  return seeOther(settingsUrl, cookies);
}

export const recoveryHandler: KindHandler = {
  kind: "recovery",
  env: async () => ({}),
  async complete(ctx, flow, result, _env, json) {
    if (result.kind === "code_sent") {
      const saved = await rerender(ctx, flow, [text.recoveryCodeSent()]);
      return json ? flowJson(200, saved) : seeOther(flowUrls(ctx).ui("recovery", flow.id));
    }
    if (result.kind !== "recovered") throw new Error("unexpected strategy result");
    await saveFlow(ctx, flow);
    return completeRecovery(ctx, flow, result.identity, result.method, json);
  },
};
