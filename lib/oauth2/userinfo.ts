import { ID_TOKEN_SET, isSigningAlgorithm, signCompact, signingKey } from "@/lib/keys";
import { findClient } from "./clients";
import type { OAuth2Context } from "./context";
import { OAuth2Error, invalidToken } from "./errors";
import { keyRetentionMs } from "./key-retention";
import { SCOPE_CLAIMS, STANDARD_CLAIMS } from "./claims/standard-claims";
import { parseScope } from "./scopes";
import { findPresentedToken, isActive } from "./tokens/lookup";

export type UserinfoResult = { type: "json"; claims: Record<string, unknown> } | { type: "jwt"; jwt: string };

/** The claims a consent released for this scope set: standard claims only for their scope or an explicit request (OIDC Core §5.4–5.5). */
function releasedClaims(source: Record<string, unknown>, scopes: string[], requested: Record<string, unknown> | undefined): Record<string, unknown> {
  const allowed = new Set(scopes.flatMap((s) => SCOPE_CLAIMS[s] ?? []));
  for (const name of Object.keys(requested ?? {})) allowed.add(name);
  const standard = new Set(STANDARD_CLAIMS);
  return Object.fromEntries(Object.entries(source).filter(([name]) => !standard.has(name) || allowed.has(name)));
}

/** OIDC Core §5.3: claims about the user of a valid access token with the openid scope. */
export async function userinfo(ctx: OAuth2Context, accessToken: string): Promise<UserinfoResult> {
  const row = await findPresentedToken(ctx, accessToken);
  if (!row || row.kind !== "access_token" || !isActive(row, ctx.now)) throw invalidToken("The access token is invalid, expired or revoked.");
  const scopes = parseScope(row.scope);
  if (!scopes.includes("openid")) {
    throw new OAuth2Error("insufficient_scope", "The access token lacks the openid scope.", 403, { "www-authenticate": 'Bearer error="insufficient_scope", scope="openid"' });
  }
  const requested = (row.session.claims?.userinfo ?? undefined) as Record<string, unknown> | undefined;
  const reserved = new Set(["iss", "aud", "exp", "iat", "nbf", "jti", "nonce", "at_hash", "c_hash", "auth_time", "acr", "amr", "sid", "azp"]);
  const source = Object.fromEntries(Object.entries(row.session.idToken ?? {}).filter(([name]) => !reserved.has(name)));
  const claims = { ...releasedClaims(source, scopes, requested), sub: row.subject };
  const client = await findClient(ctx, row.clientId);
  const alg = client?.doc.userinfo_signed_response_alg;
  if (!client || !alg || alg === "none" || !isSigningAlgorithm(alg)) return { type: "json", claims };
  // OIDC Core §5.3.2: a signed response carries iss and aud.
  const key = await signingKey(ctx, ID_TOKEN_SET, alg, () => keyRetentionMs(ctx));
  const jwt = signCompact({ typ: "JWT", kid: key.kid }, { ...claims, iss: ctx.issuer, aud: client.doc.client_id, iat: Math.floor(ctx.now.getTime() / 1000) }, key.key, alg);
  return { type: "jwt", jwt };
}
