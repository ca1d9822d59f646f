import { getIdentity, type IdentityRecord } from "@/lib/identity";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import { flowSettings } from "../../flows/config";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { enforceRateLimit } from "@/lib/ratelimit";
import { MAX_CODE_ATTEMPTS, redeemCode } from "./codes";

/** Checks a submitted code (bounded attempts per flow and per IP); returns the identity it was issued for. */
export async function redeemFlowCode(ctx: FlowContext, flow: FlowRecord, code: string): Promise<{ identity: IdentityRecord; address: string }> {
  const kind = flow.kind === "recovery" ? "recovery" : "verification";
  const invalid = () => new FlowValidationError([], { code: [kind === "recovery" ? text.recoveryCodeInvalid() : text.verificationCodeInvalid()] });
  const overrides = flowSettings(ctx.project.config).rateLimits;
  await enforceRateLimit({ projectId: ctx.project.id, rule: "code:ip", subject: ctx.request.ip, overrides, now: ctx.now });
  // Every submission counts against the flow's code, well-formed or not (MAX_CODE_ATTEMPTS, counted atomically).
  const row = await redeemCode(ctx, { kind, flowId: flow.id, code: code.slice(0, 64), maxAttempts: MAX_CODE_ATTEMPTS });
  const identity = row?.identityId ? await getIdentity(ctx, row.identityId) : undefined;
  if (!row || !identity || identity.state !== "active") throw invalid();
  return { identity, address: row.address };
}
