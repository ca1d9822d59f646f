/** The validated authorization request a flow carries (RFC 6749 §4.1.1, OIDC Core §3.1.2.1). */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  /** Whether the client sent redirect_uri (then the token request must repeat it, RFC 6749 §4.1.3). */
  redirectUriGiven: boolean;
  responseType: string;
  responseMode: "query" | "fragment" | "form_post";
  scope: string[];
  audience: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  prompt: string[];
  maxAge?: number;
  idTokenHintClaims?: Record<string, unknown>;
  loginHint?: string;
  uiLocales: string[];
  acrValues: string[];
  display?: string;
  claims?: Record<string, unknown>;
  /** Set when the flow authorizes a device (RFC 8628) instead of redirecting a code. */
  deviceRequestId?: string;
  requestUrl: string;
}

/** The login app's accept body, as stored (Hydra's acceptOAuth2LoginRequest plus the authentication time). */
export interface LoginResult {
  subject: string;
  remember: boolean;
  rememberFor: number;
  acr: string;
  amr: string[];
  context: unknown;
  authTime: number;
  identityProviderSessionId?: string;
  extendSessionLifespan?: boolean;
  skipped: boolean;
  /** Decided after login: a remembered consent covers this request (Hydra's consent `skip`). */
  consentSkip?: boolean;
  error?: RejectBody;
}

export interface ConsentResult {
  grantScope: string[];
  grantAudience: string[];
  session: { access_token?: Record<string, unknown>; id_token?: Record<string, unknown> };
  remember: boolean;
  rememberFor: number;
  context: unknown;
  skipped: boolean;
  error?: RejectBody;
}

export interface RejectBody {
  error: string;
  error_description: string;
  error_hint?: string;
  error_debug?: string;
  status_code?: number;
}

export type FlowState =
  | "login_requested"
  | "login_accepted"
  | "login_rejected"
  | "consent_requested"
  | "consent_accepted"
  | "consent_rejected"
  | "consent_used"
  | "failed";

export interface Flow {
  id: string;
  state: FlowState;
  clientId: string;
  subject: string;
  loginSessionId: string | null;
  consentChallenge: string | null;
  loginVerifier: string | null;
  consentVerifier: string | null;
  csrfHash: string;
  request: AuthorizationRequest;
  login: LoginResult | null;
  consent: ConsentResult | null;
  remember: boolean;
  requestedAt: Date;
  expiresAt: Date;
  handledAt: Date | null;
  consentExpiresAt: Date | null;
  revokedAt: Date | null;
}
