import { isAppError } from "@/lib/core/errors";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import type { UiText } from "../../ui";

interface SchemaViolation {
  instance_ptr?: string;
  message?: string;
}

/**
 * Traits rejected by the identity schema (lib/identity's 400 with `details.errors`) as node messages: a missing
 * property → 4000002 on `traits.<name>`, anything else → 4000001 with the validator's text on the field.
 */
export function traitErrorsToValidation(error: unknown): FlowValidationError | undefined {
  if (!isAppError(error) || error.status !== 400) return undefined;
  const violations = (error.details?.errors as SchemaViolation[] | undefined) ?? [];
  if (!violations.length) return new FlowValidationError([text.generic(error.reason ?? error.message)]);
  const fieldMessages: Record<string, UiText[]> = {};
  const add = (name: string, message: UiText) => (fieldMessages[name] ??= []).push(message);
  for (const violation of violations) {
    const pointer = (violation.instance_ptr ?? "#").replace(/^#\/?/, "").split("/").filter(Boolean).join(".");
    const missing = /required property '([^']+)'/.exec(violation.message ?? "")?.[1];
    if (missing) add(`${pointer ? pointer + "." : ""}${missing}`, text.required(missing));
    else add(pointer || "traits", text.generic(violation.message ?? "is invalid"));
  }
  return new FlowValidationError([], fieldMessages);
}
