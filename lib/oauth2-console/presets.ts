
export const CLIENT_PRESETS = ["web", "spa", "native", "machine"] as const;
export type ClientPreset = (typeof CLIENT_PRESETS)[number];

const USER_SCOPES = "openid offline_access profile email";

/**
 * What each kind of application registers (RFC 8252 for native apps, the OAuth 2.0 for Browser-Based Apps
 * BCP for SPAs): confidential web apps use the code flow with a secret; public clients (SPA, native) have
 * no secret and rely on PKCE; machines use client_credentials only.
 */
export const presetDefaults: Record<ClientPreset, { grant_types: string[]; response_types: string[]; token_endpoint_auth_method: string; scope: string }> = {
  web: { grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "client_secret_basic", scope: USER_SCOPES },
  spa: { grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none", scope: USER_SCOPES },
  native: { grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none", scope: USER_SCOPES },
  machine: { grant_types: ["client_credentials"], response_types: [], token_endpoint_auth_method: "client_secret_basic", scope: "" },
};

export const presetUsesRedirects = (preset: ClientPreset) => preset !== "machine";

/** The preset a stored client looks like (for the try-it panel and badges); undefined for anything custom. */
export function presetOf(client: { grant_types: readonly string[]; token_endpoint_auth_method: string; redirect_uris: readonly string[] }): ClientPreset | undefined {
  const grants = new Set(client.grant_types);
  if (grants.has("client_credentials") && grants.size === 1) return "machine";
  if (!grants.has("authorization_code")) return undefined;
  if (client.token_endpoint_auth_method !== "none") return "web";
  const native = client.redirect_uris.length > 0 && client.redirect_uris.every((uri) => !/^https?:/.test(uri) || /^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)[:/]/.test(uri));
  return native ? "native" : "spa";
}
