import { checkPasswordPolicy, validateTraits } from "@/lib/identity";
import { bodyString, traitsFromBody } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import { inputNode, type UiNode } from "../../ui";
import type { SubmitBody } from "../../flows/strategy";
import type { RegistrationResult } from "../../flows/registration/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { traitErrorsToValidation } from "../traits/schema-errors";
import { coerceTraits, flowSchema, traitNodes } from "../traits/nodes";

/** Registration: every trait of the identity schema plus a new password. */
export function registrationNodes(ctx: FlowContext, flow: FlowRecord): UiNode[] {
  return [
    ...traitNodes(flowSchema(ctx, flow).schema, "default"),
    inputNode("password", "password", { type: "password", required: true, autocomplete: "new-password", label: text.labelPassword() }),
    inputNode("method", "password", { type: "submit", value: "password", label: text.registration() }),
  ];
}

export async function submitRegistration(ctx: FlowContext, flow: FlowRecord, body: SubmitBody): Promise<RegistrationResult> {
  const { id: schemaId, schema } = flowSchema(ctx, flow);
  const traits = coerceTraits(schema, traitsFromBody(body));
  const password = bodyString(body, "password") ?? "";
  let identifiers: string[];
  try {
    identifiers = validateTraits(ctx.project, schemaId, traits).identifiers.password;
  } catch (error) {
    throw traitErrorsToValidation(error) ?? error;
  }
  if (!password) throw new FlowValidationError([], { password: [text.required("password")] });
  const policy = await checkPasswordPolicy(ctx.project, password, identifiers);
  if (policy.length) throw new FlowValidationError([], { password: policy });
  return { method: "password", schemaId, traits, credentials: { password: { config: { password } } } };
}
