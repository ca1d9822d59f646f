import { recordAudit } from "@/lib/audit";
import { getIdentity } from "@/lib/identity";
import { isPrivileged } from "@/lib/sessions";
import { afterHooks, runHooks, runWebHooks, type SettingsOutcome } from "../../hooks";
import { projectStrategies } from "../../strategies";
import { firstResponsible } from "../strategy";
import type { SettingsEnv, SettingsUpdate } from "./strategy";
import { identityMismatch, noActiveSession, sessionRefreshRequired } from "../errors";
import { text } from "../../ui";
import { flowJson, wantsJson } from "../respond";
import { csrfTokenOf, startFlow } from "../start";
import { saveFlow } from "../store";
import { renderNodes } from "../render";
import type { KindHandler } from "../submit";
import type { FlowContext, FlowResponse, FlowType } from "../types";
import { csrfNode } from "../../ui";
import { flowUrls } from "../urls";
import { answerNewFlow, callerSession, oryIdentity, requestLocale, seeOther } from "../common";

/** `GET /self-service/settings/(browser|api)`: needs a session (cookie for browsers, token for API clients). */
export async function createSettingsFlow(ctx: FlowContext, type: FlowType): Promise<FlowResponse> {
  const session = await callerSession(ctx, type);
  const urls = flowUrls(ctx);
  if (!session) throw noActiveSession(urls.browserStart("login", { return_to: ctx.request.query.get("return_to") ?? undefined }));
  await runWebHooks(ctx, { flow: "settings", phase: "before", payload: { identity: oryIdentity(ctx, session.identity) } });
  const { flow, setCookies } = await startFlow(ctx, {
    kind: "settings", type, state: "show_form", returnTo: ctx.request.query.get("return_to"),
    identityId: session.identity.id, sessionId: session.session.id, context: { locale: requestLocale(ctx) }, env: { session, identity: session.identity },
  });
  if (type === "api" || wantsJson(ctx.request)) return flowJson(200, flow, setCookies, { identity: oryIdentity(ctx, session.identity) });
  return answerNewFlow(ctx, flow, setCookies);
}

/** The settings flow JSON includes the identity (Ory's settingsFlow.identity). */
export const settingsExtras = async (ctx: FlowContext, identityId: string | null) => {
  if (!identityId) return {};
  const identity = await getIdentity(ctx, identityId);
  return identity ? { identity: oryIdentity(ctx, identity) } : {};
};

export const settingsHandler: KindHandler<SettingsEnv, SettingsUpdate> = {
  kind: "settings",
  async env(ctx, flow) {
    const session = await callerSession(ctx, flow.type);
    if (!session) throw noActiveSession(flowUrls(ctx).browserStart("login", { return_to: flowUrls(ctx).ui("settings", flow.id) }));
    if (session.identity.id !== flow.identityId) throw identityMismatch();
    return { session, identity: session.identity };
  },
  submit: (ctx, flow, body, env) => firstResponsible(projectStrategies(ctx).settings, (strategy) => strategy.update(ctx, flow, body, env)),
  async complete(ctx, flow, update, env, json) {
    const urls = flowUrls(ctx);
    // Privileged changes need a recent sign-in (Kratos' privileged_session_max_age): re-authenticate first.
    if (update.privileged && !isPrivileged(env.session.session, ctx.project, ctx.now)) {
      throw sessionRefreshRequired(urls.browserStart("login", { refresh: "true", return_to: urls.ui("settings", flow.id) }));
    }
    const identity = await update.apply();
    await recordAudit(ctx.db, {
      workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, actorType: "identity", actorId: identity.id,
      action: `selfservice.settings.${update.method}.updated`, targetType: "identity", targetId: identity.id, data: { flow_id: flow.id }, ip: ctx.request.ip,
    });
    flow.state = "success";
    flow.active = update.method;
    flow.ui = { action: flow.ui.action, method: flow.ui.method, nodes: await renderNodes(ctx, flow, { ...env, identity }, csrfNode(csrfTokenOf(flow))), messages: [text.settingsSaved()] };
    const saved = await saveFlow(ctx, flow);
    const outcome: SettingsOutcome = { flow: saved, identity, method: update.method, json, cookies: [], continueWith: [], session: env.session.session };
    await runHooks(ctx, "settings", afterHooks(ctx.project.config, "settings", update.method), outcome);
    if (outcome.response) return outcome.response;
    return json ? flowJson(200, saved, outcome.cookies, { identity: oryIdentity(ctx, identity) }) : seeOther(urls.ui("settings", flow.id), outcome.cookies);
  },
};
