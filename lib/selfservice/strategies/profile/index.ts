import { updateIdentityTraits, validateTraits } from "@/lib/identity";
import { bodyString, traitsFromBody } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import type { SettingsStrategy } from "../../flows/settings/strategy";
import { NOT_RESPONSIBLE } from "../../flows/strategy";
import { inputNode } from "../../ui";
import { traitErrorsToValidation } from "../traits/schema-errors";
import { coerceTraits, flowSchema, traitNodes } from "../traits/nodes";

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((v) => b.includes(v));

/**
 * Settings → profile: edit the identity's traits. Changing an identifier or an address is privileged (a recent
 * sign-in is needed), other traits are not — Kratos' rule for protected fields.
 */
export const profileSettings: SettingsStrategy = {
  id: "profile",
  nodes(ctx, flow, env) {
    const { schema } = flowSchema(ctx, flow, env.identity.schemaId);
    return [...traitNodes(schema, "profile", env.identity.traits ?? {}), inputNode("method", "profile", { type: "submit", value: "profile", label: text.labelSave() })];
  },
  async update(ctx, flow, body, env) {
    if (bodyString(body, "method") !== "profile") return NOT_RESPONSIBLE;
    const identity = env.identity;
    const { schema } = flowSchema(ctx, flow, identity.schemaId);
    const traits = coerceTraits(schema, traitsFromBody(body));
    let next, current;
    try {
      next = validateTraits(ctx.project, identity.schemaId, traits);
      current = validateTraits(ctx.project, identity.schemaId, identity.traits);
    } catch (error) {
      throw traitErrorsToValidation(error) ?? error;
    }
    const privileged =
      !sameSet(next.identifiers.password, current.identifiers.password) ||
      !sameSet(next.verifiableAddresses.map((a) => a.value), current.verifiableAddresses.map((a) => a.value)) ||
      !sameSet(next.recoveryAddresses.map((a) => a.value), current.recoveryAddresses.map((a) => a.value));
    return {
      method: "profile",
      privileged,
      apply: async () => {
        try {
          return await updateIdentityTraits(ctx, identity.id, traits);
        } catch (error) {
          if ((error as { status?: number }).status === 409) throw new FlowValidationError([text.duplicateCredentials()]);
          throw traitErrorsToValidation(error) ?? error;
        }
      },
    };
  },
};
