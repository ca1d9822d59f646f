import { enqueueEmail } from "@/lib/courier";
import { findRecoveryAddress, findVerifiableAddress } from "@/lib/identity";
import { setAddressStatus } from "@/lib/identity";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import { flowSettings } from "../../flows/config";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { enforceRateLimit } from "@/lib/ratelimit";
import { issueCode } from "./codes";

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value) && value.length <= 320;

/**
 * Sends a recovery / verification code to an address. The answer is the same whether or not the address belongs
 * to an account (a code row is written either way, only a known address gets mail), so neither the response nor
 * its timing reveals who has an account.
 */
export async function sendCode(ctx: FlowContext, flow: FlowRecord, rawAddress: string): Promise<void> {
  const address = rawAddress.trim();
  if (!address) throw new FlowValidationError([], { email: [text.required("email")] });
  if (!looksLikeEmail(address)) throw new FlowValidationError([], { email: [text.generic(`"${address.slice(0, 100)}" is not valid "email"`)] });
  const settings = flowSettings(ctx.project.config);
  const kind = flow.kind === "recovery" ? "recovery" : "verification";
  await enforceRateLimit({ projectId: ctx.project.id, rule: `${kind}:ip`, subject: ctx.request.ip, overrides: settings.rateLimits, now: ctx.now });
  await enforceRateLimit({ projectId: ctx.project.id, rule: `${kind}:address`, subject: address, overrides: settings.rateLimits, now: ctx.now });

  const found = kind === "recovery" ? await findRecoveryAddress(ctx, address) : await findVerifiableAddress(ctx, address);
  const identity = found && found.identity.state === "active" ? found.identity : undefined;
  const lifespanMs = settings.codeLifespanMs;
  const code = await issueCode(ctx, { kind, flowId: flow.id, identityId: identity?.id ?? null, address, lifespanMs });
  const data = { project: ctx.project.name, code, minutes: Math.round(lifespanMs / 60_000) };
  if (identity) {
    await enqueueEmail(ctx.db, ctx.project.id, { recipient: address, templateType: kind === "recovery" ? "recovery_code_valid" : "verification_code_valid", data, locale: flow.context.locale });
    if (kind === "verification") await setAddressStatus(ctx, identity.id, address, "sent");
  } else if (kind === "recovery" && settings.notifyUnknownRecipients) {
    await enqueueEmail(ctx.db, ctx.project.id, { recipient: address, templateType: "recovery_code_invalid", data: { project: ctx.project.name }, locale: flow.context.locale });
  }
  flow.state = "sent_email";
  flow.active = "code";
  flow.context = { ...flow.context, address };
}
