import type { ClientDocument } from "../clients";
import type { OAuth2Context } from "../context";
import { settingsOf } from "../context";
import { mintIdToken } from "../id-token";
import { accessTokenStrategy, mintAccessToken } from "./access-token";
import { newOpaqueToken } from "./format";
import { lifespanGrantOf, lifespanMs } from "./lifespans";
import type { TokenSession } from "./session";
import { isStatelessGrant } from "./stateless";
import { insertTokens, type TokenRow } from "./store";

export interface IssueInput {
  client: ClientDocument;
  grantType: string;
  subject: string;
  scopes: string[];
  audience: string[];
  session: TokenSession;
  requestId: string;
  refresh: boolean;
  idToken: boolean;
  nonce?: string;
}

/** RFC 6749 §5.1 successful response (plus `id_token`, OIDC Core §3.1.3.3). */
export interface TokenResponse {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  scope: string;
  refresh_token?: string;
  id_token?: string;
}

/** Mints and (unless stateless, see ./stateless) stores the access token, and (as asked) a refresh token and an ID token, in one write. */
export async function issueTokens(ctx: OAuth2Context, input: IssueInput): Promise<TokenResponse> {
  const settings = settingsOf(ctx);
  const grant = lifespanGrantOf(input.grantType);
  const now = ctx.now.getTime();
  const accessExpires = new Date(now + lifespanMs(settings, input.client, grant, "access_token"));
  const access = await mintAccessToken(ctx, { client: input.client, subject: input.subject, scopes: input.scopes, audience: input.audience, session: input.session, expiresAt: accessExpires });
  const scope = input.scopes.join(" ");
  const stateless = isStatelessGrant(input.grantType, input.client, accessTokenStrategy(ctx, input.client) === "jwt");
  const response: TokenResponse = { access_token: access.token, token_type: "bearer", expires_in: Math.round((accessExpires.getTime() - now) / 1000), scope };
  const rows: Omit<TokenRow, "usedAt" | "revokedAt">[] = [];
  if (!stateless || input.refresh) {
    const common = { requestId: input.requestId, clientId: input.client.client_id, subject: input.subject, scope, audience: input.audience, createdAt: ctx.now };
    const { nonce: _n, codeChallenge: _c, codeChallengeMethod: _m, redirectUri: _r, ...session } = input.session;
    if (!stateless) rows.push({ ...common, signature: access.signature, kind: "access_token", session, expiresAt: accessExpires });
    if (input.refresh) {
      const refresh = newOpaqueToken("refresh_token");
      const refreshGrant = grant === "refresh_token" ? "refresh_token" : grant;
      rows.push({ ...common, signature: refresh.signature, kind: "refresh_token", session, expiresAt: new Date(now + lifespanMs(settings, input.client, refreshGrant, "refresh_token")) });
      response.refresh_token = refresh.token;
    }
  }
  if (input.idToken) {
    const expiresAt = new Date(now + lifespanMs(settings, input.client, grant, "id_token"));
    response.id_token = await mintIdToken(ctx, { client: input.client, subject: input.subject, scopes: input.scopes, session: input.session, expiresAt, nonce: input.nonce, accessToken: access.token });
  }
  await insertTokens(ctx.db, ctx.project.id, rows);
  return response;
}
