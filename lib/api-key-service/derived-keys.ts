/** The project key set that signs derived tokens (Ory: JWT with EdDSA), published at /v2alpha1/derivedKeys/jwks.json. */
export const DERIVED_KEY_SET = "portcullis.api-keys.derived";
export const DERIVED_ALG = "EdDSA" as const;
/** Derived tokens are short-lived: 15 minutes unless asked otherwise, never longer than a day or than their key. */
export const DEFAULT_DERIVED_TTL_MS = 15 * 60_000;
export const MAX_DERIVED_TTL_MS = 24 * 3600_000;
export const DERIVED_TOKEN_TYPE = "JWT";
/** Claims the deriving caller may not set (Ory: reserved JWT claims are rejected), plus our own. */
export const RESERVED_CLAIMS = new Set(["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scope", "api_key_id", "actor_id"]);
