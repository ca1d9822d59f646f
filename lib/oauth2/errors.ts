/**
 * An OAuth 2.0 protocol error (RFC 6749 §5.2, §4.1.2.1; OIDC Core §3.1.2.6; RFC 8628 §3.5; RFC 6750 §3.1).
 * Rendered as `{error, error_description}` on protocol endpoints, or as redirect parameters.
 */
export class OAuth2Error extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = "OAuth2Error";
  }
}

export const isOAuth2Error = (e: unknown): e is OAuth2Error => e instanceof OAuth2Error;

export const invalidRequest = (d: string) => new OAuth2Error("invalid_request", d);
/** RFC 6749 §5.2: 401 with WWW-Authenticate when the client tried HTTP Basic authentication. */
export const invalidClient = (d = "Client authentication failed.", basic = false) =>
  new OAuth2Error("invalid_client", d, 401, basic ? { "www-authenticate": 'Basic realm="oauth2", error="invalid_client"' } : {});
export const invalidGrant = (d: string) => new OAuth2Error("invalid_grant", d);
export const unauthorizedClient = (d: string) => new OAuth2Error("unauthorized_client", d);
export const unsupportedGrantType = (d: string) => new OAuth2Error("unsupported_grant_type", d);
export const invalidScope = (d: string) => new OAuth2Error("invalid_scope", d);
export const accessDenied = (d: string) => new OAuth2Error("access_denied", d, 403);
export const invalidToken = (d: string) =>
  new OAuth2Error("invalid_token", d, 401, { "www-authenticate": `Bearer error="invalid_token", error_description="${d.replace(/"/g, "'")}"` });
