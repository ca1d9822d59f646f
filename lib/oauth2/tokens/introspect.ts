import type { OAuth2Context } from "../context";
import { settingsOf } from "../context";
import { parseScope, scopeAllowed } from "../scopes";
import { findPresentedToken, isActive } from "./lookup";

/** RFC 7662 §2.2 response in Hydra's introspectedOAuth2Token shape; anything invalid is just `{active:false}`. */
export async function introspectToken(ctx: OAuth2Context, token: string, requiredScope?: string) {
  const row = await findPresentedToken(ctx, token);
  if (!row || !isActive(row, ctx.now)) return { active: false };
  const scopes = parseScope(row.scope);
  const strategy = settingsOf(ctx).strategies.scope;
  if (requiredScope && !parseScope(requiredScope).every((s) => scopeAllowed(scopes, s, strategy))) return { active: false };
  const ext = row.session.accessToken;
  return {
    active: true,
    scope: row.scope,
    client_id: row.clientId,
    sub: row.subject,
    exp: Math.floor(row.expiresAt.getTime() / 1000),
    iat: Math.floor(row.createdAt.getTime() / 1000),
    nbf: Math.floor(row.createdAt.getTime() / 1000),
    aud: row.audience,
    iss: ctx.issuer,
    token_type: row.kind === "access_token" ? "Bearer" : undefined,
    token_use: row.kind,
    ...(ext && Object.keys(ext).length ? { ext } : {}),
  };
}
