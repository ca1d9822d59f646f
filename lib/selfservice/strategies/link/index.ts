import { bodyString } from "../../flows/body";
import { flowSettings } from "../../flows/config";
import { FlowValidationError } from "../../flows/errors";
import type { RecoveryResult, RecoveryStrategy } from "../../flows/recovery/strategy";
import { NOT_RESPONSIBLE, type SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import type { VerificationResult, VerificationStrategy } from "../../flows/verification/strategy";
import { inputNode, text, type UiNode, type UiText } from "../../ui";
import { sendCode } from "../code/send";

/**
 * Kratos' `link` method for recovery and verification: the address, then a one-time link by email
 * (`/self-service/<kind>?flow=&token=`, redeemed by flows/recovery/recovery-link.ts and
 * flows/verification/verification-link.ts). Offered when `selfservice.methods.link.enabled` and the flow's
 * `selfservice.flows.<kind>.use` is `link`.
 */
function linkNodes(flow: FlowRecord): UiNode[] {
  if (flow.state === "passed_challenge") return [];
  return [
    inputNode("email", "link", { type: "email", required: true, autocomplete: "email", label: text.labelEmail(), value: flow.context.address }),
    inputNode("method", "link", { type: "submit", value: "link", label: text.labelSubmit() }),
  ];
}

const own = (body: SubmitBody) => bodyString(body, "method") === "link";

async function sendLink(ctx: FlowContext, flow: FlowRecord, body: SubmitBody): Promise<{ state: "sent"; message: UiText }> {
  if (flow.state === "passed_challenge") {
    throw new FlowValidationError([flow.kind === "recovery" ? text.recoveryRetrySuccess() : text.verificationRetrySuccess()]);
  }
  const email = bodyString(body, "email");
  if (email === undefined) throw new FlowValidationError([], { email: [text.required("email")] });
  await sendCode(ctx, flow, email, "link");
  return { state: "sent", message: flow.kind === "recovery" ? text.recoveryLinkSent() : text.verificationLinkSent() };
}

export const linkRecovery: RecoveryStrategy = {
  id: "link",
  available: (config) => flowSettings(config).use("recovery") === "link",
  nodes: (_ctx, flow) => linkNodes(flow),
  recover: async (ctx, flow, body): Promise<RecoveryResult | typeof NOT_RESPONSIBLE> => (own(body) ? sendLink(ctx, flow, body) : NOT_RESPONSIBLE),
};

export const linkVerification: VerificationStrategy = {
  id: "link",
  available: (config) => flowSettings(config).use("verification") === "link",
  nodes: (_ctx, flow) => linkNodes(flow),
  verify: async (ctx, flow, body): Promise<VerificationResult | typeof NOT_RESPONSIBLE> => (own(body) ? sendLink(ctx, flow, body) : NOT_RESPONSIBLE),
};
