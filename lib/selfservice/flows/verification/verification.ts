import type { IdentityRecord } from "@/lib/identity";
import { sendCode } from "../../strategies/code/send";
import { flowDisabled } from "../errors";
import { text } from "../../ui";
import { renderNodes } from "../../strategies/strategy";
import { flowSettings } from "../config";
import { csrfTokenOf, startFlow } from "../start";
import { saveFlow } from "../store";
import type { KindHandler } from "../submit";
import type { FlowContext, FlowRecord, FlowResponse, FlowType } from "../types";
import { csrfNode } from "../../ui";
import { flowUrls } from "../urls";
import { answerNewFlow, requestLocale, seeOther } from "../common";
import { flowJson } from "../respond";

/** `GET /self-service/verification/(browser|api)`. */
export async function createVerificationFlow(ctx: FlowContext, type: FlowType): Promise<FlowResponse> {
  if (!flowSettings(ctx.project.config).enabled("verification")) throw flowDisabled("verification");
  const { flow, setCookies } = await startFlow(ctx, { kind: "verification", type, state: "choose_method", returnTo: ctx.request.query.get("return_to"), context: { locale: requestLocale(ctx) } });
  return answerNewFlow(ctx, flow, setCookies);
}

/**
 * After registration (Kratos' `show_verification_ui`): a verification flow per verifiable address, code already
 * sent, returned as `continue_with` entries.
 */
export async function startVerificationAfterRegistration(ctx: FlowContext, registration: FlowRecord, identity: IdentityRecord): Promise<unknown[]> {
  if (!flowSettings(ctx.project.config).enabled("verification")) return [];
  const entries: unknown[] = [];
  for (const address of identity.verifiableAddresses.filter((a) => !a.verified && a.via === "email")) {
    const { flow } = await startFlow(ctx, {
      kind: "verification", type: registration.type, state: "choose_method", returnTo: registration.returnTo || undefined,
      context: { locale: registration.context.locale },
    });
    await sendCode(ctx, flow, address.value);
    await rerender(ctx, flow, [text.verificationCodeSent()]);
    entries.push({ action: "show_verification_ui", flow: { id: flow.id, verifiable_address: address.value, url: flowUrls(ctx).ui("verification", flow.id) } });
  }
  return entries;
}

/** Re-renders a code flow after its state changed, with messages. */
export async function rerender(ctx: FlowContext, flow: FlowRecord, messages: ReturnType<typeof text.verificationCodeSent>[]): Promise<FlowRecord> {
  flow.ui = { action: flow.ui.action, method: flow.ui.method, nodes: await renderNodes(ctx, flow, {}, csrfNode(csrfTokenOf(flow))), ...(messages.length ? { messages } : {}) };
  return saveFlow(ctx, flow);
}

export const verificationHandler: KindHandler = {
  kind: "verification",
  env: async () => ({}),
  async complete(ctx, flow, result, _env, json) {
    if (result.kind === "code_sent") {
      const saved = await rerender(ctx, flow, [text.verificationCodeSent()]);
      return json ? flowJson(200, saved) : seeOther(flowUrls(ctx).ui("verification", flow.id));
    }
    if (result.kind !== "verified") throw new Error("unexpected strategy result");
    flow.state = "passed_challenge";
    flow.identityId = result.identity.id;
    const saved = await rerender(ctx, flow, [text.verificationSuccessful()]);
    return json ? flowJson(200, saved) : seeOther(flowUrls(ctx).ui("verification", flow.id));
  },
};
