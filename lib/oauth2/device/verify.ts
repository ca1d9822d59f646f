import { badRequest, notFound } from "@/lib/core/errors";
import { kratosConfig } from "@/lib/identity";
import { enforceRateLimits } from "@/lib/ratelimit";
import type { OAuth2Context } from "../context";
import { createLoginRequest } from "../flows/start";
import type { AuthorizeOutcome } from "../flows/response";
import { parseScope } from "../scopes";
import { deviceVerificationPage } from "./authorize";
import { deviceChallengeValid, deviceRequestSignature, deviceRequestSignatureValid, newDeviceChallenge } from "./challenge";
import { userCodeHash } from "./user-code";

/**
 * `GET /oauth2/device/verify` (Hydra's device verification endpoint). Without parameters (or with the
 * user_code of verification_uri_complete) it sends the browser to the code entry page with a device
 * challenge; with `device_request` (after the page accepted the code) it starts login and consent.
 */
export async function deviceVerify(ctx: OAuth2Context, query: URLSearchParams, cookieHeader: string | undefined): Promise<AuthorizeOutcome> {
  const requestId = query.get("device_request");
  const signature = query.get("sig");
  if (!requestId || !signature) {
    const page = deviceVerificationPage(ctx);
    page.searchParams.set("device_challenge", await newDeviceChallenge(ctx.project.id, ctx.now));
    const userCode = query.get("user_code");
    if (userCode) page.searchParams.set("user_code", userCode.slice(0, 20));
    return { type: "redirect", location: page.toString() };
  }
  if (!(await deviceRequestSignatureValid(ctx.project.id, requestId, signature))) return { type: "error_page", status: 400, error: "invalid_request", description: "The device verification link is invalid." };
  const row = await ctx.db.oAuth2DeviceRequest.findFirst({ where: { id: requestId, state: "verifying" } });
  if (!row || row.expiresAt <= ctx.now) return { type: "error_page", status: 400, error: "expired_token", description: "The code expired or was already used." };
  return createLoginRequest(
    ctx,
    {
      clientId: row.clientId,
      redirectUri: "",
      redirectUriGiven: false,
      responseType: "device_code",
      responseMode: "query",
      scope: parseScope(row.scope),
      audience: row.audience as string[],
      prompt: [],
      uiLocales: [],
      acrValues: [],
      deviceRequestId: row.id,
      requestUrl: `${ctx.issuer}/oauth2/device/verify`,
    },
    cookieHeader,
  );
}

/**
 * Hydra's acceptUserCodeRequest: the page checked the user's code; the browser continues at redirect_to.
 * RFC 8628 §5.1: guesses are limited per device challenge (one code entry page) and, where the caller is the user's
 * browser (the hosted page passes `clientIp`), per IP; a custom UI calling the admin API limits its own users' IPs.
 */
export async function acceptUserCode(ctx: OAuth2Context, deviceChallenge: string, userCode: string, clientIp?: string) {
  if (!(await deviceChallengeValid(ctx.project.id, deviceChallenge, ctx.now))) throw badRequest("The device challenge is invalid or expired.", { id: "invalid_device_challenge" });
  const overrides = kratosConfig(ctx.project).rate_limits;
  const limit = (rule: "device:ip" | "device:challenge", subject: string) => ({ projectId: ctx.project.id, rule, subject, overrides, now: ctx.now });
  await enforceRateLimits([...(clientIp !== undefined ? [limit("device:ip", clientIp)] : []), limit("device:challenge", deviceChallenge)]);
  const row = await ctx.db.oAuth2DeviceRequest.findFirst({ where: { userCodeHash: userCodeHash(userCode), state: { in: ["pending", "verifying"] } } });
  if (!row || row.expiresAt <= ctx.now) throw notFound("The user code is unknown, expired or was already used.", { id: "invalid_user_code" });
  await ctx.db.oAuth2DeviceRequest.updateMany({ where: { id: row.id, state: { in: ["pending", "verifying"] } }, data: { state: "verifying" } });
  const sig = await deviceRequestSignature(ctx.project.id, row.id);
  return { redirect_to: `${ctx.issuer}/oauth2/device/verify?device_request=${row.id}&sig=${sig}` };
}
