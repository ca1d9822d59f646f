import { SIGNING_ALGORITHMS } from "@/lib/keys";
import { locales } from "@/lib/i18n/locales";
import { ACR_VALUES_SUPPORTED } from "./acr";
import { RESPONSE_TYPES_SUPPORTED } from "./authorize/response-types";
import { STANDARD_CLAIMS } from "./claims/standard-claims";

/** OpenID Connect Discovery 1.0 §3 and RFC 8414 §2 metadata of a project's issuer. */
export function discoveryDocument(issuer: string) {
  const e = (path: string) => `${issuer}${path}`;
  return {
    issuer,
    authorization_endpoint: e("/oauth2/auth"),
    token_endpoint: e("/oauth2/token"),
    jwks_uri: e("/.well-known/jwks.json"),
    userinfo_endpoint: e("/userinfo"),
    revocation_endpoint: e("/oauth2/revoke"),
    device_authorization_endpoint: e("/oauth2/device/auth"),
    end_session_endpoint: e("/oauth2/sessions/logout"),
    response_types_supported: RESPONSE_TYPES_SUPPORTED,
    response_modes_supported: ["query", "fragment", "form_post"],
    grant_types_supported: ["authorization_code", "implicit", "refresh_token", "client_credentials", "urn:ietf:params:oauth:grant-type:device_code"],
    subject_types_supported: ["public"],
    acr_values_supported: ACR_VALUES_SUPPORTED,
    scopes_supported: ["openid", "offline_access", "offline", "profile", "email", "address", "phone"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "sid", "at_hash", "c_hash", ...STANDARD_CLAIMS],
    claim_types_supported: ["normal"],
    claims_parameter_supported: true,
    id_token_signing_alg_values_supported: [...SIGNING_ALGORITHMS],
    id_token_signed_response_alg: ["RS256"],
    userinfo_signing_alg_values_supported: ["none", ...SIGNING_ALGORITHMS],
    userinfo_signed_response_alg: ["none"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"],
    token_endpoint_auth_signing_alg_values_supported: [...SIGNING_ALGORITHMS],
    code_challenge_methods_supported: ["S256", "plain"],
    request_parameter_supported: true,
    request_uri_parameter_supported: false,
    require_request_uri_registration: true,
    request_object_signing_alg_values_supported: ["none", "RS256"],
    display_values_supported: ["page"],
    ui_locales_supported: [...locales],
    frontchannel_logout_supported: true,
    frontchannel_logout_session_supported: true,
    backchannel_logout_supported: true,
    backchannel_logout_session_supported: true,
    authorization_response_iss_parameter_supported: true,
  };
}
