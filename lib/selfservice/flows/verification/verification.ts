import { afterHooks, runHooks, type VerificationOutcome } from "../../hooks";
import { projectStrategies } from "../../strategies";
import { text } from "../../ui";
import { answerNewFlow, requestLocale, seeOther } from "../common";
import { flowSettings } from "../config";
import { flowDisabled } from "../errors";
import { rerender } from "../rerender";
import { flowJson } from "../respond";
import { startFlow } from "../start";
import { firstResponsible, type FlowEnv } from "../strategy";
import type { KindHandler } from "../submit";
import type { FlowContext, FlowResponse, FlowType } from "../types";
import { flowUrls } from "../urls";
import type { VerificationResult } from "./strategy";

/** `GET /self-service/verification/(browser|api)`. */
export async function createVerificationFlow(ctx: FlowContext, type: FlowType): Promise<FlowResponse> {
  if (!flowSettings(ctx.project.config).enabled("verification")) throw flowDisabled("verification");
  const { flow, setCookies } = await startFlow(ctx, { kind: "verification", type, state: "choose_method", returnTo: ctx.request.query.get("return_to"), context: { locale: requestLocale(ctx) } });
  return answerNewFlow(ctx, flow, setCookies);
}

export const verificationHandler: KindHandler<FlowEnv, VerificationResult> = {
  kind: "verification",
  env: async () => ({}),
  submit: (ctx, flow, body) => firstResponsible(projectStrategies(ctx).verification, (strategy) => strategy.verify(ctx, flow, body)),
  async complete(ctx, flow, result, _env, json) {
    if (result.state === "sent") {
      const saved = await rerender(ctx, flow, [result.message ?? text.verificationCodeSent()]);
      return json ? flowJson(200, saved) : seeOther(flowUrls(ctx).ui("verification", flow.id));
    }
    flow.state = "passed_challenge";
    flow.identityId = result.identity.id;
    const saved = await rerender(ctx, flow, [text.verificationSuccessful()]);
    const outcome: VerificationOutcome = { flow: saved, identity: result.identity, method: "code", json, cookies: [], continueWith: [] };
    await runHooks(ctx, "verification", afterHooks(ctx.project.config, "verification", flow.active || "code"), outcome);
    if (outcome.response) return outcome.response;
    return json ? flowJson(200, saved, outcome.cookies) : seeOther(flowUrls(ctx).ui("verification", flow.id), outcome.cookies);
  },
};
