import { validateTraits, type IdentityAddress } from "@/lib/identity";
import { enforceRateLimit } from "@/lib/ratelimit";
import { bodyString, traitsFromBody } from "../../flows/body";
import { flowSettings } from "../../flows/config";
import { FlowValidationError } from "../../flows/errors";
import type { RegistrationResult } from "../../flows/registration/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { inputNode, text, type UiNode } from "../../ui";
import { coerceTraits, flowSchema, traitNodes } from "../traits/nodes";
import { traitErrorsToValidation } from "../traits/schema-errors";
import { issueCode } from "./codes";
import { deliverCode } from "./deliver";
import { awaitingCode, codeEntryNodes } from "./login";
import { checkFlowCode } from "./redeem";

/** Registration by code: the schema's traits and "Send sign up code", then (code sent) the code. */
export function codeRegistrationNodes(ctx: FlowContext, flow: FlowRecord): UiNode[] {
  if (awaitingCode(flow)) return codeEntryNodes(text.labelRegistrationCode(), text.labelContinue());
  return [...traitNodes(flowSchema(ctx, flow).schema, "default"), inputNode("method", "code", { type: "submit", value: "code", label: text.registrationWithCode() })];
}

/** The traits validated, and the address a code goes to (the first `ory.sh/kratos.credentials.code.identifier`). */
function validated(ctx: FlowContext, schemaId: string, traits: Record<string, unknown>): { traits: Record<string, unknown>; address: IdentityAddress } {
  let result;
  try {
    result = validateTraits(ctx.project, schemaId, traits);
  } catch (error) {
    throw traitErrorsToValidation(error) ?? error;
  }
  const address = result.codeAddresses[0];
  if (!address) throw new FlowValidationError([text.noCodeAddress()]);
  return { traits: result.traits, address };
}

async function sendRegistrationCode(ctx: FlowContext, flow: FlowRecord, schemaId: string, submitted: Record<string, unknown>): Promise<never> {
  const { traits, address } = validated(ctx, schemaId, submitted);
  const settings = flowSettings(ctx.project.config);
  await enforceRateLimit({ projectId: ctx.project.id, rule: "code:address", subject: address.value, overrides: settings.rateLimits, now: ctx.now });
  const lifespanMs = settings.codeLifespanMs;
  const code = await issueCode(ctx, { kind: "registration", flowId: flow.id, identityId: null, address: address.value, lifespanMs });
  await deliverCode(ctx, flow, { address: address.value, via: address.via, templateType: "registration_code_valid", code, lifespanMs });
  flow.state = "sent_email";
  flow.active = "code";
  flow.context = { ...flow.context, address: address.value, code_traits: traits };
  throw new FlowValidationError([text.registrationCodeSent()]);
}

/**
 * `{method: code, traits}` validates the traits and sends a code to their code address; `{method: code, code}`
 * creates the identity from the traits the code was sent for (never from resubmitted ones), its address verified.
 */
export async function submitCodeRegistration(ctx: FlowContext, flow: FlowRecord, body: SubmitBody): Promise<RegistrationResult> {
  const { id: schemaId, schema } = flowSchema(ctx, flow);
  const pending = flow.context.code_traits;
  const resend = bodyString(body, "resend") === "code";
  if (!awaitingCode(flow) || !pending) return sendRegistrationCode(ctx, flow, schemaId, coerceTraits(schema, traitsFromBody(body)));
  if (resend) return sendRegistrationCode(ctx, flow, schemaId, pending);
  const code = bodyString(body, "code")?.trim();
  if (!code) throw new FlowValidationError([], { code: [text.required("code")] });
  const row = await checkFlowCode(ctx, flow, { kind: "registration", code, invalid: text.registrationCodeInvalid(), withoutIdentity: true });
  const { traits, address } = validated(ctx, schemaId, pending);
  const confirmed = address.value === row.address ? [{ value: address.value, via: address.via }] : [];
  return { method: "code", schemaId, traits, credentials: {}, verifiedAddresses: confirmed };
}
