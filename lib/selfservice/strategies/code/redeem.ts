import { getIdentity, type IdentityRecord } from "@/lib/identity";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import { flowSettings } from "../../flows/config";
import { saveFlow } from "../../flows/store";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { enforceRateLimit } from "@/lib/ratelimit";
import { MAX_CODE_ATTEMPTS, redeemCode } from "./codes";

/** Checks a submitted code (bounded attempts per flow and per IP); returns the identity it was issued for. */
export async function redeemFlowCode(ctx: FlowContext, flow: FlowRecord, code: string): Promise<{ identity: IdentityRecord; address: string }> {
  const kind = flow.kind === "recovery" ? "recovery" : "verification";
  const invalid = () => new FlowValidationError([], { code: [kind === "recovery" ? text.recoveryCodeInvalid() : text.verificationCodeInvalid()] });
  const overrides = flowSettings(ctx.project.config).rateLimits;
  await enforceRateLimit({ projectId: ctx.project.id, rule: "code:ip", subject: ctx.request.ip, overrides, now: ctx.now });
  const attempts = (flow.context.code_attempts ?? 0) + 1;
  if (attempts > MAX_CODE_ATTEMPTS) throw invalid();
  const row = /^\d{1,12}$/.test(code.trim()) ? await redeemCode(ctx, { kind, flowId: flow.id, code }) : undefined;
  const identity = row?.identityId ? await getIdentity(ctx, row.identityId) : undefined;
  if (!row || !identity || identity.state !== "active") {
    flow.context = { ...flow.context, code_attempts: attempts };
    await saveFlow(ctx, flow);
    throw invalid();
  }
  return { identity, address: row.address };
}
