import { responseTypeParts } from "../authorize/response-types";
import type { ClientDocument } from "../clients";
import { settingsOf, type OAuth2Context } from "../context";
import { mintIdToken } from "../id-token";
import { newOpaqueToken } from "../tokens/format";
import { issueTokens } from "../tokens/issue";
import { lifespanMs } from "../tokens/lifespans";
import type { TokenSession } from "../tokens/session";
import { insertTokens } from "../tokens/store";
import type { ConsentResult, Flow, LoginResult } from "./types";

/** What the tokens of this grant remember (the code's row adds what the token request must match). */
function grantSession(flow: Flow, login: LoginResult, consent: ConsentResult, grantType: string): TokenSession {
  return {
    grantType,
    flowId: flow.id,
    sid: flow.loginSessionId ?? undefined,
    authTime: login.authTime,
    acr: login.acr || undefined,
    amr: login.amr,
    idToken: consent.session.id_token,
    accessToken: consent.session.access_token,
  };
}

/**
 * The authorization response's parameters for the flow's response type (RFC 6749 §4.1.2, §4.2.2; OIDC Core §3.2.2.5,
 * §3.3.2.5): a `code` (stored for the token endpoint), an access token (implicit grant lifespans, never a refresh
 * token — RFC 6749 §4.2.2, OIDC Core §11), and an ID token bound to the request's nonce with `c_hash` / `at_hash`
 * over the code and access token returned beside it (OIDC Core §3.3.2.11, §3.2.2.10). Tokens share the flow's
 * request id, so a replayed code revokes them too.
 */
export async function authorizationResponse(ctx: OAuth2Context, client: ClientDocument, flow: Flow): Promise<Record<string, string>> {
  const login = flow.login!;
  const consent = flow.consent!;
  const r = flow.request;
  const parts = responseTypeParts(r.responseType);
  const scopes = consent.grantScope;
  const params: Record<string, string> = {};
  if (parts.includes("code")) {
    const code = newOpaqueToken("authorization_code");
    await insertTokens(ctx.db, ctx.project.id, [{
      signature: code.signature,
      kind: "authorization_code",
      requestId: flow.id,
      clientId: flow.clientId,
      subject: flow.subject,
      scope: scopes.join(" "),
      audience: consent.grantAudience,
      session: {
        ...grantSession(flow, login, consent, "authorization_code"),
        nonce: r.nonce,
        redirectUri: r.redirectUriGiven ? r.redirectUri : undefined,
        codeChallenge: r.codeChallenge,
        codeChallengeMethod: r.codeChallengeMethod,
        claims: r.claims,
      },
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + settingsOf(ctx).ttl.auth_code),
    }]);
    params.code = code.token;
  }
  const session = grantSession(flow, login, consent, "implicit");
  if (parts.includes("token")) {
    const issued = await issueTokens(ctx, { client, grantType: "implicit", subject: flow.subject, scopes, audience: consent.grantAudience, session, requestId: flow.id, refresh: false, idToken: false });
    Object.assign(params, { access_token: issued.access_token, token_type: "bearer", expires_in: String(issued.expires_in) });
  }
  if (parts.includes("id_token")) {
    const expiresAt = new Date(ctx.now.getTime() + lifespanMs(settingsOf(ctx), client, "implicit", "id_token"));
    params.id_token = await mintIdToken(ctx, { client, subject: flow.subject, scopes, session, expiresAt, nonce: r.nonce, accessToken: params.access_token, code: params.code });
  }
  params.scope = scopes.join(" ");
  return params;
}
