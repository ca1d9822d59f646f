import type { OAuth2Context } from "../context";

/** The user approved the device (consent accepted): its next poll receives tokens. */
export async function approveDeviceRequest(ctx: OAuth2Context, deviceRequestId: string, flowId: string): Promise<void> {
  await ctx.db.oAuth2DeviceRequest.updateMany({ where: { id: deviceRequestId, state: "verifying" }, data: { state: "approved", flowId } });
}

/** The user (or the login/consent app) refused: the device's next poll receives access_denied. */
export async function denyDeviceRequest(ctx: OAuth2Context, deviceRequestId: string): Promise<void> {
  await ctx.db.oAuth2DeviceRequest.updateMany({ where: { id: deviceRequestId, state: { in: ["pending", "verifying"] } }, data: { state: "denied" } });
}
