import { errorCodes, type AppError } from "@/lib/core/errors";
import { OAuth2Error } from "@/lib/oauth2/errors";
import { json } from "./respond";
import { renderOAuth2Error } from "./oauth2-response";
import { renderOryError } from "./ory-error";
import type { ApiResponse } from "./types";

/** The error body a path's API speaks. */
export type ErrorFamily = "ory" | "oauth2" | "scim";

const OAUTH2_PROTOCOL_SEGMENTS = new Set(["oauth2", "userinfo"]);

/** RFC 6749 for the OAuth2 protocol endpoints (`/p/{slug}/oauth2/*`, userinfo, RFC 7662 introspection), RFC 7644 for SCIM, Ory's otherwise. */
export function errorFamily(path: string): ErrorFamily {
  if (!path.startsWith("/p/")) return "ory";
  const segment = path.split("/", 4)[3] ?? "";
  if (OAUTH2_PROTOCOL_SEGMENTS.has(segment) || path.endsWith("/admin/oauth2/introspect")) return "oauth2";
  return segment === "scim" ? "scim" : "ory";
}

/** RFC 7644 §3.12: SCIM's error response. */
function renderScimError(error: AppError): ApiResponse {
  const body = {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
    status: String(error.status),
    ...(error.status === 400 ? { scimType: "invalidValue" } : {}),
    detail: error.reason ?? error.message,
  };
  return json(error.status, body, { "content-type": "application/scim+json" });
}

/** An error raised before any handler ran (the input boundary, an unparseable request), in the family's shape. */
export function renderInFamily(error: AppError, path: string, requestId?: string): ApiResponse {
  switch (errorFamily(path)) {
    case "oauth2": {
      const code = error.status === 400 ? "invalid_request" : errorCodes[error.code].status_text.toLowerCase().replace(/ /g, "_");
      return renderOAuth2Error(new OAuth2Error(code, error.reason ?? error.message, error.status));
    }
    case "scim":
      return renderScimError(error);
    default:
      return renderOryError(error, requestId);
  }
}
