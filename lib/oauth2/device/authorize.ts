import { randomUUID } from "node:crypto";
import { authenticateClient } from "../client-auth/authenticate";
import { settingsOf, type OAuth2Context } from "../context";
import { requestedAudience, requestedScope } from "../authorize/checks";
import { unauthorizedClient } from "../errors";
import { resolveProjectUrl } from "../issuer";
import { checkSingleValued } from "../grants/token-endpoint";
import { newOpaqueToken } from "../tokens/format";
import { DEVICE_CODE_GRANT } from "../grants/device-code";
import { newUserCode, userCodeHash } from "./user-code";

/** RFC 8628 §3.1–3.2: the device authorization request and response. */
export async function deviceAuthorization(ctx: OAuth2Context, authorization: string | undefined, form: URLSearchParams) {
  checkSingleValued(form);
  const { client } = await authenticateClient(ctx, authorization, form, `${ctx.issuer}/oauth2/device/auth`);
  if (!(client.grant_types as string[]).includes(DEVICE_CODE_GRANT)) throw unauthorizedClient("The client may not use the device authorization grant.");
  const settings = settingsOf(ctx);
  // The authorization endpoint's scope and audience rules (RFC 8628 §3.1 takes the same parameters).
  const scope = requestedScope(ctx, client, form);
  const audience = requestedAudience(client, form);
  const device = newOpaqueToken("device_code");
  const userCode = newUserCode();
  const lifetime = settings.ttl.device_user_code;
  await ctx.db.oAuth2DeviceRequest.create({
    data: {
      projectId: ctx.project.id,
      id: randomUUID(),
      deviceCodeHash: device.signature,
      userCodeHash: userCodeHash(userCode),
      clientId: client.client_id,
      scope: scope.join(" "),
      audience,
      state: "pending",
      interval: settings.device.interval,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + lifetime),
    },
  });
  const verification = `${ctx.issuer}/oauth2/device/verify`;
  return {
    device_code: device.token,
    user_code: userCode,
    verification_uri: verification,
    verification_uri_complete: `${verification}?user_code=${encodeURIComponent(userCode)}`,
    expires_in: Math.round(lifetime / 1000),
    interval: settings.device.interval,
  };
}

/** The hosted (or configured) page where the user enters the code. */
export const deviceVerificationPage = (ctx: OAuth2Context) => resolveProjectUrl(ctx.issuer, settingsOf(ctx).urls.device.verification);
