import { getIdentity } from "@/lib/identity";
import { redeemCode } from "../../strategies/code/codes";
import { FlowError } from "../errors";
import { text } from "../../ui";
import { wantsJson } from "../respond";
import { findFlow, saveFlow } from "../store";
import type { FlowContext, FlowResponse } from "../types";
import { flowUrls } from "../urls";
import { completeRecovery } from "./recovery";

/** `GET /self-service/recovery?flow=&token=`: redeems an admin recovery link (one use), then continues as recovery. */
export async function redeemRecoveryLink(ctx: FlowContext): Promise<FlowResponse> {
  const flow = await findFlow(ctx, "recovery", ctx.request.query.get("flow"));
  const token = ctx.request.query.get("token") ?? "";
  const row = flow.expiresAt > ctx.now && /^[A-Za-z0-9_-]{43}$/.test(token) ? await redeemCode(ctx, { kind: "recovery_link", flowId: flow.id, code: token }) : undefined;
  const identity = row?.identityId ? await getIdentity(ctx, row.identityId) : undefined;
  if (!row || !identity || identity.state !== "active") {
    flow.ui.messages = [text.recoveryTokenInvalid()];
    await saveFlow(ctx, flow);
    throw new FlowError("forbidden", "The recovery link is invalid or has already been used.", {
      id: "self_service_recovery_link_invalid",
      reason: text.recoveryTokenInvalid().text,
      browserRedirect: flowUrls(ctx).ui("recovery", flow.id),
    });
  }
  return completeRecovery(ctx, flow, identity, "link_recovery", wantsJson(ctx.request));
}
