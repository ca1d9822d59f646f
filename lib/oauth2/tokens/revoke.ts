import type { OAuth2Context } from "../context";
import { OAuth2Error } from "../errors";
import { findPresentedToken } from "./lookup";
import { forgetToken, revokeRequest, type TokenRow } from "./store";

/**
 * RFC 7009 §2.1–2.2: unknown or invalid tokens are not an error (200); a token of another client is refused;
 * revoking a refresh token revokes the whole grant (its access tokens too), an access token only itself.
 */
export async function revokeToken(ctx: OAuth2Context, clientId: string, token: string): Promise<void> {
  const row = await findPresentedToken(ctx, token);
  if (!row || (row.kind !== "access_token" && row.kind !== "refresh_token")) return;
  if (row.clientId !== clientId) throw new OAuth2Error("unauthorized_client", "The token was issued to another client.");
  if (row.kind === "refresh_token") {
    await revokeRequest(ctx.db, row.requestId, ctx.now, ctx.project.id);
    return;
  }
  forgetToken(ctx.project.id, row.signature);
  const { count } = await ctx.db.oAuth2Token.updateMany({ where: { signature: row.signature, revokedAt: null }, data: { revokedAt: ctx.now } });
  if (count === 0) await recordRevokedStateless(ctx, row);
}

/** A stateless JWT (./stateless) has no row to mark: a revoked row is written for its jti instead. */
async function recordRevokedStateless(ctx: OAuth2Context, row: TokenRow): Promise<void> {
  const { usedAt: _u, ...data } = row;
  await ctx.db.oAuth2Token.createMany({
    data: [{ ...data, projectId: ctx.project.id, audience: row.audience, session: row.session as object, revokedAt: ctx.now }],
    skipDuplicates: true,
  });
}
