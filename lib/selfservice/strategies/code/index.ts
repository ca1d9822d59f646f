import { markAddressVerified } from "@/lib/identity";
import type { LoginStrategy } from "../../flows/login/strategy";
import type { RegistrationStrategy } from "../../flows/registration/strategy";
import { bodyString } from "../../flows/body";
import { flowSettings } from "../../flows/config";
import { FlowValidationError } from "../../flows/errors";
import type { RecoveryResult, RecoveryStrategy } from "../../flows/recovery/strategy";
import { NOT_RESPONSIBLE, type SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { flowUrls } from "../../flows/urls";
import type { VerificationResult, VerificationStrategy } from "../../flows/verification/strategy";
import { text } from "../../ui";
import { codeLoginLimits, codeLoginNodes, passwordlessEnabled, submitCodeLogin } from "./login";
import { codeNodes } from "./nodes";
import { codeRegistrationNodes, submitCodeRegistration } from "./registration";
import { redeemFlowCode } from "./redeem";
import { sendCode } from "./send";

/**
 * One-time codes (Kratos' `code` method) for recovery and verification, and — with
 * `selfservice.methods.code.passwordless_enabled` — for login and registration (by email, or SMS for addresses the
 * schema marks `via: sms`). Recovery and verification: the address first (a code goes
 * out), then the code. A submission with `method: code` is this strategy's.
 */
async function codeStep(ctx: FlowContext, flow: FlowRecord, body: SubmitBody) {
  if (flow.state === "passed_challenge") {
    throw new FlowValidationError([flow.kind === "recovery" ? text.recoveryRetrySuccess() : text.verificationRetrySuccess()]);
  }
  const code = bodyString(body, "code")?.trim();
  if (code && flow.state === "sent_email") return { redeemed: await redeemFlowCode(ctx, flow, code) };
  const email = bodyString(body, "email");
  if (email === undefined) {
    throw new FlowValidationError([], flow.state === "sent_email" ? { code: [text.required("code")] } : { email: [text.required("email")] });
  }
  await sendCode(ctx, flow, email);
  return { redeemed: undefined };
}

const own = (body: SubmitBody) => bodyString(body, "method") === "code";

export const codeRecovery: RecoveryStrategy = {
  id: "code",
  available: (config) => flowSettings(config).use("recovery") === "code",
  nodes: (_ctx, flow) => codeNodes(flow),
  async recover(ctx, flow, body): Promise<RecoveryResult | typeof NOT_RESPONSIBLE> {
    if (!own(body)) return NOT_RESPONSIBLE;
    const { redeemed } = await codeStep(ctx, flow, body);
    if (!redeemed) return { state: "sent" };
    // A recovery code proves control of the address: Kratos marks it verified as well.
    await markAddressVerified(ctx, redeemed.identity.id, redeemed.address).catch(() => undefined);
    return { state: "recovered", identity: redeemed.identity, method: "code_recovery" };
  },
};

export const codeVerification: VerificationStrategy = {
  id: "code",
  available: (config) => flowSettings(config).use("verification") === "code",
  nodes: (ctx, flow) => codeNodes(flow, flow.returnTo || flowUrls(ctx).defaultReturn("verification")),
  async verify(ctx, flow, body): Promise<VerificationResult | typeof NOT_RESPONSIBLE> {
    if (!own(body)) return NOT_RESPONSIBLE;
    const { redeemed } = await codeStep(ctx, flow, body);
    if (!redeemed) return { state: "sent" };
    await markAddressVerified(ctx, redeemed.identity.id, redeemed.address);
    return { state: "verified", identity: redeemed.identity, address: redeemed.address };
  },
};

/** Passwordless login by code: a first factor (aal1). */
export const codeLogin: LoginStrategy = {
  id: "code",
  factor: "first",
  available: passwordlessEnabled,
  nodes: codeLoginNodes,
  limits: (ctx, body) => (own(body) ? codeLoginLimits(ctx, body) : []),
  login: async (ctx, flow, body, env) => (own(body) ? submitCodeLogin(ctx, flow, body, env) : NOT_RESPONSIBLE),
};

/** Registration by code: the traits, then the code sent to their code address. */
export const codeRegistration: RegistrationStrategy = {
  id: "code",
  available: passwordlessEnabled,
  nodes: (ctx, flow) => codeRegistrationNodes(ctx, flow),
  register: async (ctx, flow, body) => (own(body) ? submitCodeRegistration(ctx, flow, body) : NOT_RESPONSIBLE),
};
