import { PASSWORD_LOGIN_STATEMENT, passwordLoginStatement, verifyPasswordLogin } from "@/lib/identity";
import type { SqlStatement } from "@/lib/db/sql-runner";
import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import { inputNode, type UiNode } from "../../ui";
import type { SubmitBody } from "../../flows/strategy";
import type { LoginEnv, LoginResult } from "../../flows/login/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import type { LimitInput } from "@/lib/ratelimit";
import { flowSettings } from "../../flows/config";
import { configAt } from "@/lib/courier";
import { flowSchema, identifierLabel } from "../traits/nodes";

const passkeysOn = (ctx: FlowContext) =>
  configAt(ctx.project.config, ["services", "identity", "config", "selfservice", "methods", "passkey", "enabled"]) === true;

/** Login with identifier + password (Kratos' password strategy, login part). */
export function loginNodes(ctx: FlowContext, flow: FlowRecord, env: LoginEnv): UiNode[] {
  // Known already: the identity refreshed, or the identifier of an identifier-first step.
  const refreshIdentifier = (flow.context.refresh ? env.identity?.credentials.find((c) => c.type === "password")?.identifiers[0]?.identifier : undefined) ?? flow.context.identifier;
  return [
    inputNode("identifier", "default", {
      type: refreshIdentifier ? "hidden" : "text",
      value: refreshIdentifier ?? "",
      required: true,
      // With passkeys on, the field offers them too (WebAuthn L3 §5.1.4.1 conditional mediation: "webauthn" token).
      autocomplete: passkeysOn(ctx) ? "username webauthn" : "username",
      label: identifierLabel(flowSchema(ctx, flow).schema),
    }),
    inputNode("password", "password", { type: "password", required: true, autocomplete: "current-password", label: text.labelPassword() }),
    inputNode("method", "password", { type: "submit", value: "password", label: text.login() }),
  ];
}

const submittedCredentials = (body: SubmitBody) => ({
  identifier: (bodyString(body, "identifier") ?? bodyString(body, "password_identifier") ?? "").trim(),
  password: bodyString(body, "password") ?? "",
});

/**
 * Per-identifier limit against credential stuffing on one account (per-IP is the flow's), counted by the flow with its
 * own once identifier and password are both there — submitLogin's validation rejects anything else first.
 */
export function loginLimits(ctx: FlowContext, body: SubmitBody): LimitInput[] {
  const { identifier, password } = submittedCredentials(body);
  if (!identifier || !password) return [];
  return [{ projectId: ctx.project.id, rule: "login:identifier", subject: identifier, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now }];
}

/** The credential read of a complete submission, which the login flow's precheck runs with the rate limits. */
export function loginPrefetch(ctx: FlowContext, body: SubmitBody): SqlStatement | undefined {
  const { identifier, password } = submittedCredentials(body);
  return identifier && password ? passwordLoginStatement(ctx, identifier) : undefined;
}

/** The submission (its rate limits counted by the login flow's precheck, see loginLimits; its read maybe too, see loginPrefetch). */
export async function submitLogin(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: LoginEnv): Promise<LoginResult> {
  const { identifier, password } = submittedCredentials(body);
  const fieldMessages: Record<string, ReturnType<typeof text.required>[]> = {};
  if (!identifier) fieldMessages.identifier = [text.required("identifier")];
  if (!password) fieldMessages.password = [text.required("password")];
  if (Object.keys(fieldMessages).length) throw new FlowValidationError([], fieldMessages);
  const prefetched = env.prefetched?.name === PASSWORD_LOGIN_STATEMENT ? env.prefetched.rows : undefined;
  const identity = await verifyPasswordLogin(ctx, identifier, password, prefetched);
  // One message for unknown account, wrong password and inactive identity alike (no account enumeration).
  if (!identity || identity.state !== "active") throw new FlowValidationError([text.invalidCredentials()]);
  if (flow.context.refresh && env.identity && env.identity.id !== identity.id) throw new FlowValidationError([text.invalidCredentials()]);
  return { identity, method: "password", aal: "aal1" };
}
