import { AppError } from "@/lib/core/errors";
import { clearSessionCookie, createLogoutToken, revokeSession, sessionByLogoutToken, sessionFromRequest, sessionFromToken } from "@/lib/sessions";
import { noActiveSession } from "../errors";
import { checkReturnTo } from "../return-to";
import { flowSettings } from "../config";
import type { FlowContext, FlowResponse } from "../types";
import { flowUrls } from "../urls";
import { jsonResponse, seeOther } from "../common";
import { wantsJson } from "../respond";

/** `GET /self-service/logout/browser`: a logout token and URL for the cookie session (401 without one). */
export async function createBrowserLogout(ctx: FlowContext): Promise<FlowResponse> {
  const found = await sessionFromRequest(ctx);
  if (!found || found.via !== "cookie") throw noActiveSession();
  const urls = flowUrls(ctx);
  const returnTo = checkReturnTo(ctx.request.query.get("return_to"), urls.base, flowSettings(ctx.project.config).allowedReturnUrls);
  const token = await createLogoutToken(ctx, found.session.id);
  const url = new URL(`${urls.base}/self-service/logout`);
  url.searchParams.set("token", token);
  if (returnTo) url.searchParams.set("return_to", returnTo);
  return jsonResponse(200, { logout_token: token, logout_url: url.toString() });
}

/** `GET /self-service/logout?token=`: revokes the session, clears the cookie; 303 onwards (204 for AJAX). */
export async function performBrowserLogout(ctx: FlowContext): Promise<FlowResponse> {
  const urls = flowUrls(ctx);
  const settings = flowSettings(ctx.project.config);
  const returnTo = checkReturnTo(ctx.request.query.get("return_to"), urls.base, settings.allowedReturnUrls);
  const token = ctx.request.query.get("token") ?? "";
  const session = token ? await sessionByLogoutToken(ctx, token) : undefined;
  if (!session) {
    throw new AppError("unauthorized", "No valid session credentials found in the request.", { id: "session_inactive", reason: "The logout token is invalid, was already used, or its session has ended." });
  }
  await revokeSession({ ...ctx, actor: { type: "identity", id: session.identityId } }, session.id);
  const cookies = [clearSessionCookie(ctx.project, ctx.request)];
  if (wantsJson(ctx.request)) return { status: 204, headers: { "set-cookie": cookies } };
  const target = returnTo ?? (settings.uiUrl("login") ? settings.defaultReturnUrl() : undefined) ?? `${urls.base}/ui/login`;
  return seeOther(target, cookies);
}

/** `DELETE /self-service/logout/api` with `{session_token}`: 204, or 403 for an unknown token (Kratos). */
export async function performNativeLogout(ctx: FlowContext, sessionToken: string): Promise<FlowResponse> {
  const found = await sessionFromToken(ctx, sessionToken);
  if (!found) {
    throw new AppError("forbidden", "The requested action was forbidden", { reason: "The provided Ory Session Token could not be found, is invalid, or otherwise malformed." });
  }
  await revokeSession({ ...ctx, actor: { type: "identity", id: found.identity.id } }, found.session.id);
  return { status: 204 };
}
