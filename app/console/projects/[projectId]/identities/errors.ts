import { ZodError } from "zod";
import { AppError } from "@/lib/core/errors";
import { inputRejectedByDatabase } from "@/lib/core/rejected-input";
import { PasswordPolicyError } from "@/lib/identity";

/** An action's outcome for identity forms: an `identities.errors` key plus the server's explanation. */
export interface IdentityActionError {
  formError: string;
  detail?: string;
}

/**
 * Maps domain errors onto `identities.errors` keys. Schema validation and password policy failures carry
 * the server's explanation (which trait, which rule). Unexpected errors are rethrown (Next's error page).
 */
export function identityActionError(error: unknown): IdentityActionError {
  if (error instanceof PasswordPolicyError) return { formError: "passwordPolicy", detail: error.reason };
  if (error instanceof ZodError) return { formError: "invalid", detail: error.issues.map((i) => i.message).join(" ") };
  // Text PostgreSQL cannot store (NUL, lone surrogates) that reached it: a form error, not a 500.
  if (inputRejectedByDatabase(error)) return { formError: "invalid" };
  if (error instanceof AppError) {
    if (error.code === "conflict") return { formError: "duplicate" };
    if (error.code === "forbidden") return { formError: "forbidden" };
    if (error.code === "not_found") return { formError: "notFound" };
    if (error.code === "bad_request") return { formError: "invalidTraits", detail: error.reason ?? error.message };
  }
  throw error;
}
