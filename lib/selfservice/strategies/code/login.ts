import { configAt } from "@/lib/courier";
import { findIdentityByIdentifier, getIdentity, markAddressVerified, normalizeIdentifier } from "@/lib/identity";
import type { LimitInput } from "@/lib/ratelimit";
import { bodyString } from "../../flows/body";
import { flowSettings } from "../../flows/config";
import { FlowValidationError } from "../../flows/errors";
import type { LoginEnv, LoginResult } from "../../flows/login/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { inputNode, text, type UiNode } from "../../ui";
import { flowSchema, identifierLabel } from "../traits/nodes";
import { CODE_LENGTH, issueCode } from "./codes";
import { channelOf, deliverCode } from "./deliver";
import { checkFlowCode } from "./redeem";

/** Kratos' `selfservice.methods.code.passwordless_enabled`: code login and registration (default off). */
export const passwordlessEnabled = (projectConfig: unknown): boolean =>
  configAt(projectConfig, ["services", "identity", "config", "selfservice", "methods", "code", "passwordless_enabled"]) === true;

/** Whether the flow waits for the code this strategy sent (Kratos' `sent_email` state with `active: code`). */
export const awaitingCode = (flow: FlowRecord) => flow.state === "sent_email" && flow.active === "code";

/** The code's input, Continue and Resend (Kratos' code strategy, second step). */
export function codeEntryNodes(label: ReturnType<typeof text.labelLoginCode>, continueLabel: ReturnType<typeof text.loginContinue>): UiNode[] {
  return [
    inputNode("code", "code", { type: "text", required: true, pattern: "[0-9]+", maxlength: CODE_LENGTH, autocomplete: "one-time-code", label }),
    // The method goes with "Resend" too (a form posts only the button pressed), as on the recovery code step.
    inputNode("method", "code", { type: "hidden", value: "code" }),
    inputNode("method", "code", { type: "submit", value: "code", label: continueLabel }),
    inputNode("resend", "code", { type: "submit", value: "code", label: text.labelResendCode() }),
  ];
}

/** Login by code: the identifier and "Sign in with code", then (code sent) the code. */
export function codeLoginNodes(ctx: FlowContext, flow: FlowRecord, env: LoginEnv): UiNode[] {
  if (awaitingCode(flow)) {
    return [inputNode("identifier", "default", { type: "hidden", value: flow.context.address ?? "", required: true }), ...codeEntryNodes(text.labelLoginCode(), text.loginContinue())];
  }
  const refreshIdentifier = (flow.context.refresh ? env.identity?.credentials.find((c) => c.type === "code")?.identifiers[0]?.identifier : undefined) ?? flow.context.identifier;
  return [
    inputNode("identifier", "default", { type: refreshIdentifier ? "hidden" : "text", value: refreshIdentifier ?? "", required: true, autocomplete: "username", label: identifierLabel(flowSchema(ctx, flow).schema) }),
    inputNode("method", "code", { type: "submit", value: "code", label: text.loginWithCode() }),
  ];
}

const submittedIdentifier = (body: SubmitBody) => normalizeIdentifier(bodyString(body, "identifier") ?? "");

/** Codes sent per address (`code:address`), counted by the login flow with its own when a code is asked for. */
export function codeLoginLimits(ctx: FlowContext, body: SubmitBody): LimitInput[] {
  const identifier = submittedIdentifier(body);
  if (!identifier || bodyString(body, "code")) return [];
  return [{ projectId: ctx.project.id, rule: "code:address", subject: identifier, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now }];
}

/**
 * Sends a login code. The answer is the same for unknown identifiers (a code row that can never be redeemed is
 * written, nothing is sent), so the form does not tell who has an account (Kratos' enumeration mitigation).
 */
async function sendLoginCode(ctx: FlowContext, flow: FlowRecord, identifier: string): Promise<never> {
  if (identifier.length > 320) throw new FlowValidationError([], { identifier: [text.invalidFormat(".{1,320}")] });
  const found = await findIdentityByIdentifier(ctx, "code", identifier);
  const identity = found?.state === "active" ? found : undefined;
  const lifespanMs = flowSettings(ctx.project.config).codeLifespanMs;
  const code = await issueCode(ctx, { kind: "login", flowId: flow.id, identityId: identity?.id ?? null, address: identifier, lifespanMs });
  if (identity) {
    const via = channelOf(identity.credentials.find((c) => c.type === "code")?.config, identifier);
    await deliverCode(ctx, flow, { address: identifier, via, templateType: "login_code_valid", code, lifespanMs });
  }
  flow.state = "sent_email";
  flow.active = "code";
  flow.context = { ...flow.context, address: identifier };
  // Kratos answers the first step with the flow (400 for API clients) carrying "a code has been sent".
  throw new FlowValidationError([text.loginCodeSent()]);
}

/** `{method: code, identifier}` sends a code; `{method: code, code}` signs in with it; `resend: code` sends again. */
export async function submitCodeLogin(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: LoginEnv): Promise<LoginResult> {
  const resend = bodyString(body, "resend") === "code";
  if (!awaitingCode(flow) || resend) {
    const identifier = resend && flow.context.address ? flow.context.address : submittedIdentifier(body);
    if (!identifier) throw new FlowValidationError([], { identifier: [text.required("identifier")] });
    return sendLoginCode(ctx, flow, identifier);
  }
  const code = bodyString(body, "code")?.trim();
  if (!code) throw new FlowValidationError([], { code: [text.required("code")] });
  const invalid = text.loginCodeInvalid();
  const row = await checkFlowCode(ctx, flow, { kind: "login", code, invalid });
  const identity = row.identityId ? await getIdentity(ctx, row.identityId) : undefined;
  if (!identity || identity.state !== "active") throw new FlowValidationError([], { code: [invalid] });
  if (flow.context.refresh && env.identity && env.identity.id !== identity.id) throw new FlowValidationError([], { code: [invalid] });
  // The code proves control of the address: Kratos marks it verified.
  await markAddressVerified(ctx, identity.id, row.address).catch(() => undefined);
  return { identity, method: "code", aal: "aal1" };
}
