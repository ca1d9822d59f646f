import { getIdentity, type IdentityRecord } from "@/lib/identity";
import { FlowValidationError } from "../../flows/errors";
import { text, type UiText } from "../../ui";
import { flowSettings } from "../../flows/config";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { enforceRateLimit } from "@/lib/ratelimit";
import { MAX_CODE_ATTEMPTS, redeemCode, type CodeKind } from "./codes";

/**
 * Checks a submitted code of a flow: per IP (`code:ip`) and per flow (MAX_CODE_ATTEMPTS, counted atomically — every
 * submission counts, well-formed or not). The code row, or a field error with `invalid` on the `code` node.
 */
export async function checkFlowCode(ctx: FlowContext, flow: FlowRecord, input: { kind: CodeKind; code: string; invalid: UiText; withoutIdentity?: boolean }) {
  const overrides = flowSettings(ctx.project.config).rateLimits;
  await enforceRateLimit({ projectId: ctx.project.id, rule: "code:ip", subject: ctx.request.ip, overrides, now: ctx.now });
  const row = await redeemCode(ctx, { kind: input.kind, flowId: flow.id, code: input.code.slice(0, 64), maxAttempts: MAX_CODE_ATTEMPTS, withoutIdentity: input.withoutIdentity });
  if (!row) throw new FlowValidationError([], { code: [input.invalid] });
  return row;
}

/** Checks a recovery / verification code; returns the identity it was issued for. */
export async function redeemFlowCode(ctx: FlowContext, flow: FlowRecord, code: string): Promise<{ identity: IdentityRecord; address: string }> {
  const kind = flow.kind === "recovery" ? "recovery" : "verification";
  const invalid = kind === "recovery" ? text.recoveryCodeInvalid() : text.verificationCodeInvalid();
  const row = await checkFlowCode(ctx, flow, { kind, code, invalid });
  const identity = row.identityId ? await getIdentity(ctx, row.identityId) : undefined;
  if (!identity || identity.state !== "active") throw new FlowValidationError([], { code: [invalid] });
  return { identity, address: row.address };
}
