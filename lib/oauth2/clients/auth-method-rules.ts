export interface AuthMethodProblem {
  code: "publicClientCredentials" | "keysRequired" | "keysExclusive";
  reason: string;
}

/**
 * The token endpoint auth method against the grants and registered keys: a public client (`none`) has no
 * credentials, so it cannot use client_credentials (RFC 6749 §4.4); private_key_jwt (RFC 7523 §2.2) verifies
 * assertions with exactly one key source; `jwks` and `jwks_uri` never appear together (RFC 7591 §2).
 */
export function authMethodProblem(method: string, grants: readonly string[], keys: { jwks: boolean; jwksUri: boolean }): AuthMethodProblem | undefined {
  if (method === "none" && grants.includes("client_credentials")) {
    return { code: "publicClientCredentials", reason: "Public clients (token_endpoint_auth_method none) cannot use client_credentials." };
  }
  if (keys.jwks && keys.jwksUri) {
    return { code: "keysExclusive", reason: method === "private_key_jwt" ? "private_key_jwt requires exactly one of jwks or jwks_uri." : "jwks and jwks_uri are mutually exclusive (RFC 7591 §2)." };
  }
  if (method === "private_key_jwt" && !keys.jwks && !keys.jwksUri) return { code: "keysRequired", reason: "private_key_jwt requires exactly one of jwks or jwks_uri." };
  return undefined;
}
