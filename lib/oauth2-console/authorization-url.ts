/**
 * Builds an authorization request URL (RFC 6749 §4.1.1) with PKCE S256 (RFC 7636 §4.1–4.2), `state` and
 * an OIDC `nonce` (OIDC Core §3.1.2.1). Runs in the browser: the verifier never leaves the operator's tab.
 */
export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

function randomString(byteLength: number): string {
  const bytes = new Uint8Array(byteLength);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export async function buildAuthorizationRequest(input: { issuer: string; clientId: string; redirectUri: string; scope: string }): Promise<AuthorizationRequest> {
  // 32 random bytes → a 43-character verifier, the minimum length of RFC 7636 §4.1 with 256 bits of entropy.
  const codeVerifier = randomString(32);
  const state = randomString(16);
  const nonce = randomString(16);
  const params = new URLSearchParams({
    response_type: "code",
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    scope: input.scope,
    state,
    nonce,
    code_challenge: await s256Challenge(codeVerifier),
    code_challenge_method: "S256",
  });
  if (!input.scope) params.delete("scope");
  return { url: `${input.issuer.replace(/\/+$/, "")}/oauth2/auth?${params.toString()}`, state, nonce, codeVerifier };
}
