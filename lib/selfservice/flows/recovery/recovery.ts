import { recordAudit } from "@/lib/audit";
import { afterHooks, runHooks, runWebHooks, type RecoveryOutcome } from "../../hooks";
import { projectStrategies } from "../../strategies";
import { firstResponsible, type FlowEnv } from "../strategy";
import type { RecoveryResult } from "./strategy";
import { browserLocationChangeRequired, flowDisabled } from "../errors";
import { text } from "../../ui";
import { flowJson } from "../respond";
import { flowSettings } from "../config";
import { startFlow } from "../start";
import { saveFlow } from "../store";
import type { KindHandler } from "../submit";
import type { FlowContext, FlowRecord, FlowResponse, FlowType } from "../types";
import { flowUrls } from "../urls";
import { answerNewFlow, requestLocale, seeOther } from "../common";
import { rerender } from "../rerender";
import type { IdentityRecord } from "@/lib/identity";

/** `GET /self-service/recovery/(browser|api)`. */
export async function createRecoveryFlow(ctx: FlowContext, type: FlowType): Promise<FlowResponse> {
  if (!flowSettings(ctx.project.config).enabled("recovery")) throw flowDisabled("recovery");
  await runWebHooks(ctx, { flow: "recovery", phase: "before", payload: { request_url: ctx.request.url.toString() } });
  const { flow, setCookies } = await startFlow(ctx, { kind: "recovery", type, state: "choose_method", returnTo: ctx.request.query.get("return_to"), context: { locale: requestLocale(ctx) } });
  return answerNewFlow(ctx, flow, setCookies);
}

/**
 * A recovered account: the recovery's after hooks (`session` first: a fresh session, method `code_recovery`,
 * privileged now), then a settings flow carrying the "recovered" message where the user sets a new password. Browsers
 * are sent there (303, or 422 for AJAX as Kratos); API clients get the session token and the settings flow in
 * `continue_with`.
 */
export async function completeRecovery(ctx: FlowContext, flow: FlowRecord, identity: IdentityRecord, method: RecoveryOutcome["method"], json: boolean): Promise<FlowResponse> {
  flow.state = "passed_challenge";
  flow.identityId = identity.id;
  const outcome: RecoveryOutcome = { flow, identity, method, json, cookies: [], continueWith: [] };
  await runHooks(ctx, "recovery", afterHooks(ctx.project.config, "recovery", method), outcome);
  if (!outcome.session) throw new Error("recovery signs in: the session hook comes first");
  const session = outcome.session;
  const privilegedUntil = new Date(ctx.now.getTime() + flowSettings(ctx.project.config).privilegedSessionMaxAgeMs);
  const { flow: settings, setCookies } = await startFlow(ctx, {
    kind: "settings", type: flow.type, state: "show_form", returnTo: flow.returnTo || undefined,
    identityId: identity.id, sessionId: session.id, messages: [text.recoverySuccessful(privilegedUntil, ctx.now)],
    env: { identity, session: { session, identity, via: flow.type === "api" ? "token" : "cookie" } },
  });
  const settingsUrl = flowUrls(ctx).ui("settings", settings.id);
  const showSettings = { action: "show_settings_ui", flow: { id: settings.id, url: settingsUrl } };
  // The flow keeps where to go on; the session token is only ever in this answer.
  flow.context = { ...flow.context, continue_with: [showSettings] };
  await recordAudit(ctx.db, {
    workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, actorType: "identity", actorId: identity.id,
    action: "selfservice.recovery.completed", targetType: "identity", targetId: identity.id, data: { method, flow_id: flow.id }, ip: ctx.request.ip,
  });
  const saved = await rerender(ctx, flow, []);
  if (outcome.response) return outcome.response;
  if (flow.type === "api") return flowJson(200, saved, [], { continue_with: [...outcome.continueWith, showSettings] });
  const cookies = [...outcome.cookies, ...setCookies];
  if (json) {
    const error = browserLocationChangeRequired(settingsUrl);
    return { status: 422, headers: { "content-type": "application/json; charset=utf-8", "set-cookie": cookies }, body: JSON.stringify({ error: { id: error.id, code: 422, status: "Unprocessable Entity", reason: error.reason, message: error.message }, redirect_browser_to: settingsUrl }) };
  }
  return seeOther(settingsUrl, cookies);
}

export const recoveryHandler: KindHandler<FlowEnv, RecoveryResult> = {
  kind: "recovery",
  env: async () => ({}),
  submit: (ctx, flow, body) => firstResponsible(projectStrategies(ctx).recovery, (strategy) => strategy.recover(ctx, flow, body)),
  async complete(ctx, flow, result, _env, json) {
    if (result.state === "sent") {
      const saved = await rerender(ctx, flow, [result.message ?? text.recoveryCodeSent()]);
      return json ? flowJson(200, saved) : seeOther(flowUrls(ctx).ui("recovery", flow.id));
    }
    await saveFlow(ctx, flow);
    return completeRecovery(ctx, flow, result.identity, result.method, json);
  },
};
