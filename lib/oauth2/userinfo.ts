import { ID_TOKEN_SET, isSigningAlgorithm, signCompact, signingKey } from "@/lib/keys";
import { findClient } from "./clients";
import type { OAuth2Context } from "./context";
import { OAuth2Error, invalidToken } from "./errors";
import { keyRetentionMs } from "./key-retention";
import { releasedClaims } from "./claims/release";
import { parseScope } from "./scopes";
import { findPresentedToken, isActive } from "./tokens/lookup";

export type UserinfoResult = { type: "json"; claims: Record<string, unknown> } | { type: "jwt"; jwt: string };

/** OIDC Core §5.3: claims about the user of a valid access token with the openid scope. */
export async function userinfo(ctx: OAuth2Context, accessToken: string): Promise<UserinfoResult> {
  const row = await findPresentedToken(ctx, accessToken);
  if (!row || row.kind !== "access_token" || !isActive(row, ctx.now)) throw invalidToken("The access token is invalid, expired or revoked.");
  const scopes = parseScope(row.scope);
  if (!scopes.includes("openid")) {
    throw new OAuth2Error("insufficient_scope", "The access token lacks the openid scope.", 403, { "www-authenticate": 'Bearer error="insufficient_scope", scope="openid"' });
  }
  const claims = { ...releasedClaims(row.session.idToken, scopes), sub: row.subject };
  const client = await findClient(ctx, row.clientId);
  const alg = client?.doc.userinfo_signed_response_alg;
  if (!client || !alg || alg === "none" || !isSigningAlgorithm(alg)) return { type: "json", claims };
  // OIDC Core §5.3.2: a signed response carries iss and aud.
  const key = await signingKey(ctx, ID_TOKEN_SET, alg, () => keyRetentionMs(ctx));
  const jwt = signCompact({ typ: "JWT", kid: key.kid }, { ...claims, iss: ctx.issuer, aud: client.doc.client_id, iat: Math.floor(ctx.now.getTime() / 1000) }, key.key, alg);
  return { type: "jwt", jwt };
}
