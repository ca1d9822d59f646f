import type { ClientDocument } from "../clients";
import { settingsOf, type OAuth2Context } from "../context";
import { invalidGrant, invalidRequest, invalidScope } from "../errors";
import { parseScope } from "../scopes";
import { tokenSignature } from "../tokens/format";
import { issueTokens, type TokenResponse } from "../tokens/issue";
import { findToken, markUsed, revokeRequest, type TokenRow } from "../tokens/store";

/** Within the grace period a rotated refresh token may be redeemed again (lost responses); after it, reuse revokes. */
function reuseAllowed(ctx: OAuth2Context, row: TokenRow): boolean {
  const grace = settingsOf(ctx).oauth2.refresh_token_rotation_grace_period;
  return grace > 0 && row.usedAt !== null && ctx.now.getTime() - row.usedAt.getTime() <= grace;
}

/**
 * RFC 6749 §6 with rotation (OAuth 2.0 Security BCP §4.14.2): each refresh returns a new refresh token and
 * retires the old one; presenting a retired token again means it leaked, so the whole grant is revoked.
 */
export async function refreshTokenGrant(ctx: OAuth2Context, client: ClientDocument, form: URLSearchParams): Promise<TokenResponse> {
  const token = form.get("refresh_token");
  if (!token) throw invalidRequest("The refresh_token parameter is missing.");
  const signature = tokenSignature(token);
  const row = await findToken(ctx.db, signature);
  if (!row || row.kind !== "refresh_token" || row.clientId !== client.client_id) throw invalidGrant("The refresh token is invalid or was issued to another client.");
  if (row.revokedAt) throw invalidGrant("The refresh token was revoked.");
  if (row.expiresAt <= ctx.now) throw invalidGrant("The refresh token has expired.");
  const granted = parseScope(row.scope);
  const requested = form.has("scope") ? parseScope(form.get("scope")) : granted;
  const extra = requested.filter((s) => !granted.includes(s));
  if (extra.length) throw invalidScope(`The refresh token was not granted the scope(s): ${extra.join(" ")} (RFC 6749 §6).`);
  if (row.usedAt || !(await markUsed(ctx.db, signature, ctx.now, ctx.project.id))) {
    const current = row.usedAt ? row : await findToken(ctx.db, signature);
    if (!current || !reuseAllowed(ctx, current)) {
      await revokeRequest(ctx.db, row.requestId, ctx.now, ctx.project.id);
      throw invalidGrant("The refresh token was already used; the grant has been revoked (refresh token reuse).");
    }
  }
  return issueTokens(ctx, {
    client,
    grantType: "refresh_token",
    subject: row.subject,
    scopes: requested,
    audience: row.audience,
    session: { ...row.session, parent: signature },
    requestId: row.requestId,
    refresh: true,
    idToken: requested.includes("openid"),
  });
}
