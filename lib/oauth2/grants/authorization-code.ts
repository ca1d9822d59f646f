import type { ClientDocument } from "../clients";
import type { OAuth2Context } from "../context";
import { invalidGrant, invalidRequest } from "../errors";
import { pkceMatches } from "../pkce";
import { grantsRefresh, parseScope } from "../scopes";
import { tokenSignature } from "../tokens/format";
import { issueTokens, type TokenResponse } from "../tokens/issue";
import { findToken, markUsed, revokeRequest } from "../tokens/store";

/** RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.5–4.6). Checks change nothing; only a redemption consumes the code. */
export async function authorizationCodeGrant(ctx: OAuth2Context, client: ClientDocument, form: URLSearchParams): Promise<TokenResponse> {
  const code = form.get("code");
  if (!code) throw invalidRequest("The code parameter is missing.");
  const row = await findToken(ctx.db, tokenSignature(code));
  if (!row || row.kind !== "authorization_code" || row.clientId !== client.client_id) throw invalidGrant("The authorization code is invalid or was issued to another client.");
  if (row.revokedAt) throw invalidGrant("The authorization code was revoked.");
  if (row.usedAt) {
    // RFC 6749 §4.1.2: a code used twice revokes every token issued on it.
    await revokeRequest(ctx.db, row.requestId, ctx.now, ctx.project.id);
    throw invalidGrant("The authorization code was already used; the tokens issued with it are revoked.");
  }
  if (row.expiresAt <= ctx.now) throw invalidGrant("The authorization code has expired.");
  const s = row.session;
  const redirectUri = form.get("redirect_uri");
  if (s.redirectUri !== undefined && redirectUri !== s.redirectUri) throw invalidGrant("redirect_uri does not match the one of the authorization request (RFC 6749 §4.1.3).");
  const verifier = form.get("code_verifier");
  if (s.codeChallenge) {
    if (!verifier) throw invalidGrant("code_verifier is required: the authorization request used PKCE (RFC 7636 §4.5).");
    if (!pkceMatches(s.codeChallengeMethod ?? "plain", s.codeChallenge, verifier)) throw invalidGrant("The code_verifier does not match the code_challenge (RFC 7636 §4.6).");
  } else if (verifier) {
    throw invalidGrant("code_verifier was sent, but the authorization request had no code_challenge.");
  }
  if (!(await markUsed(ctx.db, row.signature, ctx.now, ctx.project.id))) {
    await revokeRequest(ctx.db, row.requestId, ctx.now, ctx.project.id);
    throw invalidGrant("The authorization code was already used; the tokens issued with it are revoked.");
  }
  const scopes = parseScope(row.scope);
  return issueTokens(ctx, {
    client,
    grantType: "authorization_code",
    subject: row.subject,
    scopes,
    audience: row.audience,
    session: { ...s, grantType: "authorization_code" },
    requestId: row.requestId,
    refresh: grantsRefresh(scopes) && client.grant_types.includes("refresh_token"),
    idToken: scopes.includes("openid"),
    nonce: s.nonce,
  });
}
