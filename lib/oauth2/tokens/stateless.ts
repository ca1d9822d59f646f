import type { ClientDocument } from "../clients";
import { findClient } from "../clients/store";
import type { OAuth2Context } from "../context";
import type { TokenRow } from "./store";

/**
 * JWT access tokens of the client_credentials grant are self-contained and not stored: the grant has no
 * refresh token, no user and no chain to revoke, so a row per token would only cost a write on the hottest
 * OAuth2 path (oidc-provider and Hydra's stateless mode make the same trade). Such a token is active while its
 * signature verifies, it has not expired, its client still exists and has not had its tokens revoked since
 * `iat`, and no revocation row (RFC 7009) exists for its jti.
 */
export const isStatelessGrant = (grantType: string, client: ClientDocument, jwt: boolean) => jwt && grantType === "client_credentials" && Boolean(client.client_id);

/** The row a stored token would have had, rebuilt from a verified JWT's claims; undefined when it is not ours to rebuild. */
export async function statelessRow(ctx: OAuth2Context, payload: Record<string, unknown>): Promise<TokenRow | undefined> {
  const { jti, sub, client_id: clientId, iat, exp, scope, aud, ext } = payload;
  // client_credentials tokens name their client as subject; any other token must have a stored row.
  if (typeof jti !== "string" || typeof clientId !== "string" || sub !== clientId || typeof iat !== "number" || typeof exp !== "number") return undefined;
  const client = await findClient(ctx, clientId);
  if (!client) return undefined;
  const issuedAt = new Date(iat * 1000);
  if (client.tokensRevokedBefore && issuedAt < client.tokensRevokedBefore) return undefined;
  return {
    signature: jti,
    kind: "access_token",
    requestId: jti,
    clientId,
    subject: clientId,
    scope: typeof scope === "string" ? scope : "",
    audience: Array.isArray(aud) ? aud.filter((a): a is string => typeof a === "string") : typeof aud === "string" ? [aud] : [],
    session: { grantType: "client_credentials", ...(ext && typeof ext === "object" ? { accessToken: ext as Record<string, unknown> } : {}) },
    createdAt: issuedAt,
    expiresAt: new Date(exp * 1000),
    usedAt: null,
    revokedAt: null,
  };
}
