import { enqueueEmail } from "@/lib/courier";
import { findRecoveryAddress, findVerifiableAddress } from "@/lib/identity";
import { setAddressStatus } from "@/lib/identity";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import { flowSettings } from "../../flows/config";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { enforceRateLimit } from "@/lib/ratelimit";
import { issueCode } from "./codes";
import { flowUrls } from "../../flows/urls";

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value) && value.length <= 320;

/** Kratos' link: `GET /self-service/<recovery|verification>?flow=&token=` under the project's base URL. */
function flowLink(ctx: FlowContext, flow: FlowRecord, token: string): string {
  const link = new URL(`${flowUrls(ctx).base}/self-service/${flow.kind}`);
  link.searchParams.set("flow", flow.id);
  link.searchParams.set("token", token);
  return link.toString();
}

/**
 * Sends a recovery / verification code (or, `method: link`, a one-time link: Kratos' link method) to an address. The answer is the same whether or not the address belongs
 * to an account (a code row is written either way, only a known address gets mail), so neither the response nor
 * its timing reveals who has an account.
 */
export async function sendCode(ctx: FlowContext, flow: FlowRecord, rawAddress: string, method: "code" | "link" = "code"): Promise<void> {
  const address = rawAddress.trim();
  if (!address) throw new FlowValidationError([], { email: [text.required("email")] });
  if (!looksLikeEmail(address)) throw new FlowValidationError([], { email: [text.generic(`"${address.slice(0, 100)}" is not valid "email"`)] });
  const settings = flowSettings(ctx.project.config);
  const kind = flow.kind === "recovery" ? "recovery" : "verification";
  await enforceRateLimit({ projectId: ctx.project.id, rule: `${kind}:ip`, subject: ctx.request.ip, overrides: settings.rateLimits, now: ctx.now });
  await enforceRateLimit({ projectId: ctx.project.id, rule: `${kind}:address`, subject: address, overrides: settings.rateLimits, now: ctx.now });

  const found = kind === "recovery" ? await findRecoveryAddress(ctx, address) : await findVerifiableAddress(ctx, address);
  const identity = found && found.identity.state === "active" ? found.identity : undefined;
  const lifespanMs = method === "link" ? settings.linkLifespanMs : settings.codeLifespanMs;
  const link = method === "link";
  const code = await issueCode(ctx, { kind: link ? `${kind}_link` : kind, flowId: flow.id, identityId: identity?.id ?? null, address, lifespanMs });
  const minutes = Math.round(lifespanMs / 60_000);
  const data = link ? { project: ctx.project.name, link: flowLink(ctx, flow, code), minutes } : { project: ctx.project.name, code, minutes };
  const templateType = link ? (`${kind}_valid` as const) : (`${kind}_code_valid` as const);
  if (identity) {
    await enqueueEmail(ctx.db, ctx.project.id, { recipient: address, templateType, data, locale: flow.context.locale });
    if (kind === "verification") await setAddressStatus(ctx, identity.id, address, "sent");
  } else if (kind === "recovery" && settings.notifyUnknownRecipients) {
    await enqueueEmail(ctx.db, ctx.project.id, { recipient: address, templateType: "recovery_code_invalid", data: { project: ctx.project.name }, locale: flow.context.locale });
  }
  flow.state = "sent_email";
  flow.active = method;
  flow.context = { ...flow.context, address };
}
