import { ZodError } from "zod";
import { AppError, errorCodes, isAppError } from "@/lib/core/errors";
import type { Logger } from "@/lib/core/log";
import { json } from "./respond";
import type { ApiResponse } from "./types";

/** Ory's JSON API error: `{ error: { id?, code, status, reason?, message, details? } }`. */
export function renderOryError(error: AppError, requestId?: string): ApiResponse {
  const { status, status_text } = errorCodes[error.code];
  const body = {
    error: {
      ...(error.id ? { id: error.id } : {}),
      code: status,
      status: status_text,
      ...(requestId ? { request: requestId } : {}),
      ...(error.reason ? { reason: error.reason } : {}),
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    },
  };
  return json(status, body);
}

export function zodToAppError(error: ZodError): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message, code: issue.code }));
  const first = issues[0];
  return new AppError("bad_request", "The request was malformed or contained invalid parameters", {
    reason: first ? `${first.path || "body"}: ${first.message}` : "Invalid input",
    details: { issues },
  });
}

/** Turns anything thrown into an Ory error response; 5xx never carry internals. */
export function toOryErrorResponse(error: unknown, log?: Logger, requestId?: string): ApiResponse {
  if (isAppError(error)) return renderOryError(error, requestId);
  if (error instanceof ZodError) return renderOryError(zodToAppError(error), requestId);
  log?.error("unhandled error", { error: error instanceof Error ? error.stack : String(error), requestId });
  return renderOryError(new AppError("internal", "An internal server error occurred, please contact the system administrator"), requestId);
}
