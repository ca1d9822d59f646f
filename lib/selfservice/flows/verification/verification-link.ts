import { getIdentity, markAddressVerified } from "@/lib/identity";
import { redeemCode } from "../../strategies/code/codes";
import { FlowError } from "../errors";
import { text } from "../../ui";
import { wantsJson } from "../respond";
import { findFlow, saveFlow } from "../store";
import type { FlowContext, FlowResponse } from "../types";
import { flowUrls } from "../urls";
import { verificationHandler } from "./verification";

/**
 * `GET /self-service/verification?flow=&token=` (Kratos' link method): redeems the mailed link once, marks the
 * address verified and answers like a verified code (the flow shows success; browsers go to the verification page).
 */
export async function redeemVerificationLink(ctx: FlowContext): Promise<FlowResponse> {
  const flow = await findFlow(ctx, "verification", ctx.request.query.get("flow"));
  const token = ctx.request.query.get("token") ?? "";
  const live = flow.expiresAt > ctx.now && flow.state !== "passed_challenge" && /^[A-Za-z0-9_-]{43}$/.test(token);
  const row = live ? await redeemCode(ctx, { kind: "verification_link", flowId: flow.id, code: token }) : undefined;
  const identity = row?.identityId ? await getIdentity(ctx, row.identityId) : undefined;
  if (!row || !identity || identity.state !== "active") {
    flow.ui.messages = [text.verificationTokenInvalid()];
    await saveFlow(ctx, flow);
    throw new FlowError("forbidden", "The verification link is invalid or has already been used.", {
      id: "self_service_verification_link_invalid",
      reason: text.verificationTokenInvalid().text,
      browserRedirect: flowUrls(ctx).ui("verification", flow.id),
    });
  }
  await markAddressVerified(ctx, identity.id, row.address);
  flow.active = "link";
  return verificationHandler.complete(ctx, flow, { state: "verified", identity, address: row.address }, {}, wantsJson(ctx.request));
}
