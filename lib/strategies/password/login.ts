import { verifyPasswordLogin } from "@/lib/identity";
import { bodyString } from "@/lib/flows/body";
import { FlowValidationError } from "@/lib/flows/errors";
import { text } from "@/lib/flows/messages";
import { inputNode, type UiNode } from "@/lib/flows/ui";
import type { StrategyEnv, StrategyResult, SubmitBody } from "@/lib/flows/strategy";
import type { FlowContext, FlowRecord } from "@/lib/flows/types";
import { enforceRateLimit } from "@/lib/ratelimit";
import { flowSettings } from "@/lib/flows/settings";
import { flowSchema, identifierLabel } from "../traits-nodes";

/** Login with identifier + password (Kratos' password strategy, login part). */
export function loginNodes(ctx: FlowContext, flow: FlowRecord, env: StrategyEnv): UiNode[] {
  const refreshIdentifier = flow.context.refresh ? env.identity?.credentials.find((c) => c.type === "password")?.identifiers[0]?.identifier : undefined;
  return [
    inputNode("identifier", "default", {
      type: refreshIdentifier ? "hidden" : "text",
      value: refreshIdentifier ?? "",
      required: true,
      autocomplete: "username",
      label: identifierLabel(flowSchema(ctx, flow).schema),
    }),
    inputNode("password", "password", { type: "password", required: true, autocomplete: "current-password", label: text.labelPassword() }),
    inputNode("method", "password", { type: "submit", value: "password", label: text.login() }),
  ];
}

export async function submitLogin(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: StrategyEnv): Promise<StrategyResult> {
  const identifier = (bodyString(body, "identifier") ?? bodyString(body, "password_identifier") ?? "").trim();
  const password = bodyString(body, "password") ?? "";
  const fieldMessages: Record<string, ReturnType<typeof text.required>[]> = {};
  if (!identifier) fieldMessages.identifier = [text.required("identifier")];
  if (!password) fieldMessages.password = [text.required("password")];
  if (Object.keys(fieldMessages).length) throw new FlowValidationError([], fieldMessages);
  // Per-identifier limit against credential stuffing on one account (per-IP is enforced by the flow).
  await enforceRateLimit({ projectId: ctx.project.id, rule: "login:identifier", subject: identifier, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now });
  const identity = await verifyPasswordLogin(ctx, identifier, password);
  // One message for unknown account, wrong password and inactive identity alike (no account enumeration).
  if (!identity || identity.state !== "active") throw new FlowValidationError([text.invalidCredentials()]);
  if (flow.context.refresh && env.identity && env.identity.id !== identity.id) throw new FlowValidationError([text.invalidCredentials()]);
  return { kind: "login", identity, method: "password" };
}
