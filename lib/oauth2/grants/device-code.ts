import type { ClientDocument } from "../clients";
import type { OAuth2Context } from "../context";
import { OAuth2Error, invalidGrant, invalidRequest } from "../errors";
import { findFlow } from "../flows/store";
import { grantsRefresh } from "../scopes";
import { tokenSignature } from "../tokens/format";
import { issueTokens, type TokenResponse } from "../tokens/issue";

export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** RFC 8628 §3.4–3.5: poll until the user approved, with authorization_pending, slow_down, expired_token, access_denied. */
export async function deviceCodeGrant(ctx: OAuth2Context, client: ClientDocument, form: URLSearchParams): Promise<TokenResponse> {
  const code = form.get("device_code");
  if (!code) throw invalidRequest("The device_code parameter is missing.");
  const row = await ctx.db.oAuth2DeviceRequest.findFirst({ where: { deviceCodeHash: tokenSignature(code) } });
  if (!row || row.clientId !== client.client_id) throw invalidGrant("The device code is invalid or was issued to another client.");
  if (row.expiresAt <= ctx.now) throw new OAuth2Error("expired_token", "The device code has expired.");
  if (row.state === "denied") throw new OAuth2Error("access_denied", "The user denied the request.");
  if (row.state === "used") throw invalidGrant("The device code was already used.");
  if (row.state !== "approved") {
    const tooSoon = row.lastPolledAt && ctx.now.getTime() - row.lastPolledAt.getTime() < row.interval * 1000;
    await ctx.db.oAuth2DeviceRequest.updateMany({ where: { id: row.id }, data: { lastPolledAt: ctx.now, ...(tooSoon ? { interval: row.interval + 5 } : {}) } });
    if (tooSoon) throw new OAuth2Error("slow_down", `Polling too fast; wait at least ${row.interval + 5} seconds between requests.`);
    throw new OAuth2Error("authorization_pending", "The user has not completed the authorization yet.");
  }
  const { count } = await ctx.db.oAuth2DeviceRequest.updateMany({ where: { id: row.id, state: "approved" }, data: { state: "used" } });
  const flow = row.flowId ? await findFlow(ctx.db, { id: row.flowId }) : undefined;
  if (count !== 1 || !flow?.consent || !flow.login) throw invalidGrant("The device code was already used.");
  const { consent, login } = flow;
  return issueTokens(ctx, {
    client,
    grantType: DEVICE_CODE_GRANT,
    subject: flow.subject,
    scopes: consent.grantScope,
    audience: consent.grantAudience,
    session: { grantType: DEVICE_CODE_GRANT, flowId: flow.id, sid: flow.loginSessionId ?? undefined, authTime: login.authTime, acr: login.acr || undefined, amr: login.amr, idToken: consent.session.id_token, accessToken: consent.session.access_token },
    requestId: flow.id,
    refresh: grantsRefresh(consent.grantScope) && client.grant_types.includes("refresh_token"),
    idToken: consent.grantScope.includes("openid"),
  });
}
