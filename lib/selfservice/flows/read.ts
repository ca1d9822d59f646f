import { AppError } from "@/lib/core/errors";
import { loginRequestExtras } from "./login/login-challenge";
import { settingsExtras } from "./settings/settings";
import { toOryFlow } from "./serialize";
import { findFlow } from "./store";
import type { FlowContext, FlowKind } from "./types";
import { sessionFromRequest } from "@/lib/sessions";

/**
 * `GET /self-service/<kind>/flows?id=`: the flow as Ory returns it. Expired flows are 410 (as Kratos); a settings
 * flow is only shown to its own identity's session.
 */
export async function getFlowForPage(ctx: FlowContext, kind: FlowKind, id: string | null) {
  const flow = await findFlow(ctx, kind, id);
  if (flow.expiresAt <= ctx.now) {
    throw new AppError("gone", "The self-service flow has expired", { id: "self_service_flow_expired", reason: "The flow has expired; start a new one.", details: { expired_at: flow.expiresAt.toISOString() } });
  }
  if (kind === "settings") {
    const session = await sessionFromRequest(ctx);
    if (!session || session.identity.id !== flow.identityId) {
      throw new AppError("forbidden", "The requested action was forbidden", { id: "security_identity_mismatch", reason: "The flow belongs to another session." });
    }
    return toOryFlow(flow, await settingsExtras(ctx, flow.identityId));
  }
  if (kind === "login" || kind === "registration") return toOryFlow(flow, await loginRequestExtras(ctx, flow));
  return toOryFlow(flow);
}
