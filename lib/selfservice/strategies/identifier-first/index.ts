import { configAt } from "@/lib/courier";
import { findIdentityByIdentifier, normalizeIdentifier, type IdentityRecord } from "@/lib/identity";
import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import type { LoginStrategy } from "../../flows/login/strategy";
import { NOT_RESPONSIBLE, type MethodId, type SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { inputNode, text, type UiNode } from "../../ui";
import { flowSchema, identifierLabel } from "../traits/nodes";
import { firstFactorIds, registrationIds } from "./methods";

const kratos = (config: unknown, ...path: string[]) => configAt(config, ["services", "identity", "config", ...path]);

/** Kratos' `selfservice.flows.login.style: identifier_first` (default `unified`). */
export const identifierFirstStyle = (projectConfig: unknown) => kratos(projectConfig, "selfservice", "flows", "login", "style") === "identifier_first";

/** Credential types that name an identity by an identifier (the schema's `ory.sh/kratos.credentials.<type>.identifier`). */
const IDENTIFIED_BY = ["password", "code", "passkey", "webauthn"] as const;

async function identityOf(ctx: FlowContext, identifier: string): Promise<IdentityRecord | undefined> {
  for (const type of IDENTIFIED_BY) {
    const identity = await findIdentityByIdentifier(ctx, type, identifier);
    if (identity) return identity.state === "active" ? identity : undefined;
  }
  return undefined;
}

/**
 * The methods offered for an identifier. A known identity: the enabled first factors it has a credential of (a
 * method's id is its credential type: password, code, passkey). An unknown identifier gets what a new account has
 * (the methods registration offers), so the answer for it equals that of a typical account and reveals nothing;
 * with `security.account_enumeration.mitigate` every identifier gets every first factor (Kratos).
 */
async function methodsFor(ctx: FlowContext, identifier: string): Promise<MethodId[]> {
  const enabled = firstFactorIds(ctx);
  if (kratos(ctx.project.config, "security", "account_enumeration", "mitigate") === true) return enabled;
  const identity = await identityOf(ctx, identifier);
  const own = identity ? enabled.filter((id) => identity.credentials.some((credential) => credential.type === id)) : [];
  if (own.length) return own;
  const fresh = registrationIds(ctx);
  return enabled.filter((id) => fresh.includes(id));
}

function nodes(ctx: FlowContext, flow: FlowRecord): UiNode[] {
  if (flow.context.identifier) return [];
  return [
    inputNode("identifier", "identifier_first", { type: "text", required: true, autocomplete: "username webauthn", label: identifierLabel(flowSchema(ctx, flow).schema) }),
    inputNode("method", "identifier_first", { type: "submit", value: "identifier_first", label: text.labelContinue() }),
  ];
}

async function submit(ctx: FlowContext, flow: FlowRecord, body: SubmitBody): Promise<never> {
  const identifier = normalizeIdentifier(bodyString(body, "identifier") ?? "");
  if (!identifier) throw new FlowValidationError([], { identifier: [text.required("identifier")] });
  if (identifier.length > 320) throw new FlowValidationError([], { identifier: [text.invalidFormat(".{1,320}")] });
  const methods = await methodsFor(ctx, identifier);
  flow.context = { ...flow.context, identifier, offered_methods: methods };
  // Kratos answers the identifier step with the flow (400 for API clients), now showing the offered methods.
  throw new FlowValidationError([]);
}

/**
 * Identifier-first login (Kratos' `identifier_first` style): the identifier first, then only the methods offered for
 * it (see methodsFor), the identifier carried as a hidden field. Refresh and step-up flows know their identity and
 * skip the step.
 */
export const identifierFirstLogin: LoginStrategy = {
  id: "identifier_first",
  factor: "first",
  available: identifierFirstStyle,
  nodes,
  offered: (_ctx, flow) => {
    if (flow.context.refresh) return undefined;
    return flow.context.identifier ? ((flow.context.offered_methods ?? []) as MethodId[]) : ["identifier_first"];
  },
  login: async (ctx, flow, body) => (bodyString(body, "method") === "identifier_first" ? submit(ctx, flow, body) : NOT_RESPONSIBLE),
};
