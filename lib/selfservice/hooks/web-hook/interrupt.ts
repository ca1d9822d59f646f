import { z } from "zod";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import type { UiText } from "../../ui";

// Kratos' interrupt body: {"messages":[{"instance_ptr":"#/traits/email","messages":[{id,text,type,context}]}]}
const interruptSchema = z.object({
  messages: z.array(
    z.object({
      instance_ptr: z.string().default("#"),
      messages: z.array(z.object({ id: z.number().int().default(4000001), text: z.string(), type: z.enum(["info", "error", "success"]).default("error"), context: z.record(z.string(), z.unknown()).optional() })),
    }),
  ),
});

/** A `can_interrupt` hook's non-2xx answer as the flow's validation messages (on nodes by `instance_ptr`). */
export function interruptionFrom(body: string): FlowValidationError {
  let parsed: z.infer<typeof interruptSchema> | undefined;
  try {
    parsed = interruptSchema.parse(JSON.parse(body));
  } catch {
    parsed = undefined;
  }
  if (!parsed) return new FlowValidationError([text.generic("A web hook rejected the request.")]);
  const flowMessages: UiText[] = [];
  const fieldMessages: Record<string, UiText[]> = {};
  for (const group of parsed.messages) {
    const name = group.instance_ptr.replace(/^#\/?/, "").split("/").filter(Boolean).join(".");
    for (const m of group.messages) {
      const message: UiText = { id: m.id, text: m.text, type: m.type, ...(m.context ? { context: m.context } : {}) };
      if (name) (fieldMessages[name] ??= []).push(message);
      else flowMessages.push(message);
    }
  }
  return new FlowValidationError(flowMessages, fieldMessages);
}

const parseSchema = z.object({
  identity: z.object({ traits: z.record(z.string(), z.unknown()).optional(), metadata_public: z.unknown().optional(), metadata_admin: z.unknown().optional() }).optional(),
});
export type IdentityPatch = NonNullable<z.infer<typeof parseSchema>["identity"]>;

/** A `response.parse` hook's answer: `{identity: {traits?, metadata_public?, metadata_admin?}}`. */
export function identityPatchFrom(body: string): IdentityPatch | undefined {
  try {
    return parseSchema.parse(JSON.parse(body)).identity;
  } catch {
    return undefined;
  }
}
