import type { OAuth2Context } from "../context";
import { OAuth2Error } from "../errors";
import { findPresentedToken } from "./lookup";
import { forgetToken, revokeRequest } from "./store";

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
  await ctx.db.oAuth2Token.updateMany({ where: { signature: row.signature, revokedAt: null }, data: { revokedAt: ctx.now } });
}
