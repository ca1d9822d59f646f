import type { AuthorizationRequest } from "./types";

/** What the HTTP layer turns into a response: a redirect, an auto-submitting form, or a hosted error. */
export type AuthorizeOutcome =
  | { type: "redirect"; location: string; cookies?: string[] }
  | { type: "form_post"; action: string; params: Record<string, string>; cookies?: string[] }
  | { type: "error_page"; status: number; error: string; description: string }
  | { type: "html"; status: number; html: string; cookies?: string[] };

/**
 * Delivers authorization response parameters to the client (RFC 6749 §4.1.2, OAuth 2.0 Multiple Response
 * Type Encoding §2.1 for query/fragment, OAuth 2.0 Form Post Response Mode §2), with `iss` (RFC 9207 §2).
 */
export function deliverToClient(
  target: Pick<AuthorizationRequest, "redirectUri" | "responseMode" | "state">,
  issuer: string,
  params: Record<string, string>,
  cookies?: string[],
): AuthorizeOutcome {
  const all: Record<string, string> = { ...params, ...(target.state !== undefined ? { state: target.state } : {}), iss: issuer };
  if (target.responseMode === "form_post") return { type: "form_post", action: target.redirectUri, params: all, cookies };
  const url = new URL(target.redirectUri);
  if (target.responseMode === "fragment") {
    url.hash = new URLSearchParams(all).toString();
  } else {
    for (const [name, value] of Object.entries(all)) url.searchParams.set(name, value);
  }
  return { type: "redirect", location: url.toString(), cookies };
}

export function errorToClient(
  target: Pick<AuthorizationRequest, "redirectUri" | "responseMode" | "state">,
  issuer: string,
  error: string,
  description: string,
  cookies?: string[],
): AuthorizeOutcome {
  return deliverToClient(target, issuer, { error, error_description: description }, cookies);
}
