import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { AppError } from "@/lib/core/errors";
import { inputRejectedByDatabase } from "@/lib/core/rejected-input";

/** Loads something a page shows; "not found" (including another tenant's ids) becomes Next's 404 page. */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "bad_request")) notFound();
    // A value from the URL PostgreSQL refused (a NUL, a malformed id): no such thing to show.
    if (inputRejectedByDatabase(error)) notFound();
    throw error;
  }
}

/** Domain error ids with a message of their own in the `errors` namespace. */
const BY_ID: Record<string, string> = {
  already_invited: "alreadyInvited",
  already_member: "alreadyMember",
  invite_email_mismatch: "inviteEmailMismatch",
  account_exists: "accountExists",
};

/**
 * Maps a domain error from a server action onto an i18n key of the `errors` namespace, so forms can show it.
 * Unexpected errors are rethrown (Next shows its error page; nothing internal leaks).
 */
export function actionErrorKey(error: unknown): string {
  if (error instanceof ZodError) return "invalid";
  // Text PostgreSQL cannot store (NUL, lone surrogates) or a malformed value that reached it: a form error, not a 500.
  if (inputRejectedByDatabase(error)) return "invalid";
  if (error instanceof AppError) {
    if (error.id === "slug_taken") return "slugTaken";
    if (error.id && Object.hasOwn(BY_ID, error.id)) return BY_ID[error.id]!;
    if (error.code === "too_many_requests") return "rateLimited";
    if (error.code === "gone") return "inviteUnusable";
    if (error.code === "forbidden") return "forbidden";
    if (error.code === "not_found") return "notFound";
    if (error.code === "conflict") return "conflict";
    if (error.code === "bad_request") return "invalid";
  }
  throw error;
}
