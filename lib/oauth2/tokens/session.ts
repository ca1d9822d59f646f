/** What a token row remembers about the grant it came from (`oauth2_tokens.session`). */
export interface TokenSession {
  grantType: string;
  flowId?: string;
  sid?: string;
  authTime?: number;
  acr?: string;
  amr?: string[];
  /** Claims for ID tokens, from the consent (`session.id_token`). */
  idToken?: Record<string, unknown>;
  /** Extra access token claims, from the consent (`session.access_token`). */
  accessToken?: Record<string, unknown>;
  /** Authorization codes only: what the token request must match (RFC 6749 §4.1.3, RFC 7636 §4.6). */
  nonce?: string;
  redirectUri?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  claims?: Record<string, unknown>;
  /** Refresh tokens: the refresh token this one replaced. */
  parent?: string;
}
