import { ZodError } from "zod";
import { isAppError } from "@/lib/core/errors";
import { isOAuth2Error, OAuth2Error } from "@/lib/oauth2/errors";
import type { ProjectHandler } from "./project-route";
import type { ApiResponse, HeaderValue } from "./types";

/** RFC 6749 §5.1: token responses and errors must not be cached. */
export const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" } as const;

const JSON_NO_STORE: Readonly<Record<string, HeaderValue>> = Object.freeze({ "content-type": "application/json; charset=utf-8", ...NO_STORE });

export function oauth2Json(status: number, body: unknown, headers?: Record<string, HeaderValue>): ApiResponse {
  return { status, headers: headers ? { ...JSON_NO_STORE, ...headers } : JSON_NO_STORE, body: JSON.stringify(body) };
}

/** RFC 6749 §5.2 error body `{error, error_description}`. */
export function renderOAuth2Error(error: OAuth2Error): ApiResponse {
  return oauth2Json(error.status, { error: error.error, error_description: error.description }, error.headers);
}

/** Maps anything thrown by a protocol handler to an OAuth 2.0 error; Ory errors (unknown project…) pass through. */
export function toOAuth2Error(error: unknown): OAuth2Error | undefined {
  if (isOAuth2Error(error)) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return new OAuth2Error("invalid_request", issue ? `${issue.path.join(".") || "request"}: ${issue.message}` : "The request is malformed.");
  }
  if (isAppError(error) && error.status === 400) return new OAuth2Error("invalid_request", error.reason ?? error.message);
  return undefined;
}

/** Wraps a project protocol handler so that its errors are rendered per RFC 6749 §5.2. */
export function oauth2Errors(handler: ProjectHandler): ProjectHandler {
  return async (ctx, params) => {
    try {
      return await handler(ctx, params);
    } catch (error) {
      const mapped = toOAuth2Error(error);
      if (mapped) return renderOAuth2Error(mapped);
      throw error;
    }
  };
}
