import { enqueueEmail, enqueueSms, type TemplateType } from "@/lib/courier";
import type { FlowContext, FlowRecord } from "../../flows/types";

/**
 * Queues a code for an address on its channel (the schema's `ory.sh/kratos.credentials.code.via`): `sms` goes to
 * the project's `sms` HTTP channel (Kratos' `courier.channels`), anything else by email.
 */
export async function deliverCode(ctx: FlowContext, flow: FlowRecord, input: { address: string; via: string; templateType: TemplateType; code: string; lifespanMs: number }) {
  const data = { project: ctx.project.name, code: input.code, minutes: Math.round(input.lifespanMs / 60_000) };
  const message = { recipient: input.address, templateType: input.templateType, data, locale: flow.context.locale };
  if (input.via === "sms") await enqueueSms(ctx.db, ctx.project.id, message, ctx.now);
  else await enqueueEmail(ctx.db, ctx.project.id, message, ctx.now);
}

/** The channel of a code address in an identity's `code` credential config (`{addresses: [{channel, address}]}`). */
export function channelOf(config: unknown, address: string): string {
  const addresses = (config as { addresses?: { channel?: unknown; address?: unknown }[] } | null)?.addresses;
  const found = Array.isArray(addresses) ? addresses.find((entry) => entry.address === address) : undefined;
  return typeof found?.channel === "string" ? found.channel : "email";
}
