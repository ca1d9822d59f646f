import { ZodError } from "zod";
import { AppError } from "@/lib/core/errors";
import { inputRejectedByDatabase } from "@/lib/core/rejected-input";
import type { FormState } from "@/app/_lib/form-state";

/** A form state whose `formError` is an `oauth2Console.errors` key, with the server's explanation when it has one. */
export type OAuth2FormState<Result = undefined> = FormState<Result> & { detail?: string };

/**
 * Maps domain errors onto `oauth2Console.errors` keys; client validation failures carry the engine's reason
 * (which URI, which rule of RFC 7591). Unexpected errors are rethrown (Next's error page, nothing leaks).
 */
export function oauth2ActionError(error: unknown): { formError: string; detail?: string } {
  if (error instanceof ZodError) return { formError: "invalid", detail: error.issues.map((issue) => issue.message).join(" ") };
  // Text PostgreSQL cannot store (NUL, lone surrogates) that reached it: a form error, not a 500.
  if (inputRejectedByDatabase(error)) return { formError: "invalid" };
  if (error instanceof AppError) {
    if (error.id === "revision_conflict") return { formError: "revisionConflict" };
    if (error.id === "client_exists") return { formError: "clientExists" };
    if (error.code === "conflict") return { formError: "conflict", detail: error.message };
    if (error.code === "forbidden") return { formError: "forbidden" };
    if (error.code === "not_found") return { formError: "notFound" };
    if (error.code === "bad_request") return { formError: "rejected", detail: error.reason ?? error.message };
  }
  throw error;
}

export const oauth2Path = (projectId: string, rest = "") => `/console/projects/${encodeURIComponent(projectId)}/oauth2${rest}`;
