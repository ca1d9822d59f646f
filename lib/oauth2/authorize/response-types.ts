/**
 * Response types (RFC 6749 §3.1.1; OAuth 2.0 Multiple Response Type Encoding Practices §3–5; OIDC Core §3): `code`
 * is the default and what RFC 9700 §2.1.2 recommends; the implicit (`id_token`, `id_token token`) and hybrid
 * (`code id_token`, `code token`, `code id_token token`) ones are served only to clients that registered them
 * (and the implicit grant type), as Hydra does. `token` alone (the plain OAuth 2.0 implicit grant, which RFC 9700
 * §2.1.2 says not to use) is not offered.
 */
export const RESPONSE_TYPES_SUPPORTED = ["code", "id_token", "id_token token", "code id_token", "code token", "code id_token token"];

const ORDER = ["code", "id_token", "token"];

/** A response type in one spelling: its values are a set, so `token id_token` is `id_token token` (§3 of the practices). */
export function canonicalResponseType(value: string): string {
  const parts = [...new Set(value.split(" ").filter(Boolean))];
  return parts.every((p) => ORDER.includes(p)) ? parts.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)).join(" ") : value;
}

export const responseTypeParts = (value: string | null | undefined): string[] => (value ?? "").split(" ").filter(Boolean);

/** Whether the response carries a token (access or ID token) in the front channel. */
export const returnsTokens = (value: string | null | undefined): boolean => responseTypeParts(value).some((p) => p === "token" || p === "id_token");

/**
 * OAuth 2.0 Multiple Response Type Encoding Practices §2.1, §3, §5: `query` for `code`, `fragment` for every
 * response type that returns a token (query MUST NOT be used for those, tokens would land in logs and Referer).
 */
export const defaultResponseMode = (responseType: string | null | undefined): "query" | "fragment" => (returnsTokens(responseType) ? "fragment" : "query");
