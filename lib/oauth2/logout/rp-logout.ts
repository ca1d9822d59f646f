import { randomBytes } from "node:crypto";
import { AppError, notFound } from "@/lib/core/errors";
import { findClient, presentClient } from "../clients";
import { settingsOf, type OAuth2Context } from "../context";
import { verifyOwnIdToken } from "../flows/id-token-hint";
import { clearLoginSessionCookie, loginSessionFromCookie } from "../flows/login-sessions";
import type { AuthorizeOutcome } from "../flows/response";
import { resolveProjectUrl } from "../issuer";
import { endLoginSessions } from "./end-sessions";
import { frontChannelPage } from "./front-channel-page";

interface LogoutRequestData {
  postLogoutRedirectUri?: string;
  state?: string;
  rpInitiated: boolean;
  requestUrl: string;
}

const errorPage = (description: string): AuthorizeOutcome => ({ type: "error_page", status: 400, error: "invalid_request", description });

/**
 * OIDC RP-Initiated Logout 1.0 §2–3: validate id_token_hint / client_id / post_logout_redirect_uri (must be
 * registered, exact match), then ask the logout UI (Hydra's logout challenge) to confirm.
 */
export async function startLogout(ctx: OAuth2Context, params: URLSearchParams, cookieHeader: string | undefined): Promise<AuthorizeOutcome> {
  const verifier = params.get("logout_verifier");
  if (verifier) return finishLogout(ctx, verifier, cookieHeader);
  const hint = params.get("id_token_hint");
  const claims = hint ? await verifyOwnIdToken(ctx, hint) : undefined;
  if (hint && !claims) return errorPage("The id_token_hint is not an ID token issued by this provider.");
  const audiences = claims ? [claims.aud].flat().filter((a): a is string => typeof a === "string") : [];
  const clientId = params.get("client_id") ?? audiences[0];
  if (params.get("client_id") && claims && !audiences.includes(params.get("client_id")!)) return errorPage("client_id does not match the id_token_hint.");
  const redirect = params.get("post_logout_redirect_uri") ?? undefined;
  const client = clientId ? await findClient(ctx, clientId) : null;
  if (redirect && (!client || !client.doc.post_logout_redirect_uris.includes(redirect))) {
    return errorPage("post_logout_redirect_uri is not registered for the client (or no client was identified).");
  }
  const session = await loginSessionFromCookie(ctx, cookieHeader);
  const data: LogoutRequestData = { postLogoutRedirectUri: redirect, state: params.get("state") ?? undefined, rpInitiated: true, requestUrl: `${ctx.issuer}/oauth2/sessions/logout` };
  const subject = session?.subject ?? (typeof claims?.sub === "string" ? claims.sub : "");
  const sid = session?.id ?? (typeof claims?.sid === "string" ? claims.sid : "");
  if (!session && !sid) return afterLogout(ctx, data, [], []);
  const id = randomBytes(32).toString("base64url");
  await ctx.db.oAuth2LogoutRequest.create({
    data: { projectId: ctx.project.id, id, subject, sid, clientId: client?.doc.client_id ?? null, request: data as object, verifier: randomBytes(32).toString("base64url"), state: "requested", createdAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + settingsOf(ctx).ttl.login_consent_request) },
  });
  if (client?.doc.skip_logout_consent) {
    const { redirect_to } = await acceptLogoutRequest(ctx, id);
    return { type: "redirect", location: redirect_to };
  }
  const target = resolveProjectUrl(ctx.issuer, settingsOf(ctx).urls.logout);
  target.searchParams.set("logout_challenge", id);
  return { type: "redirect", location: target.toString() };
}

async function openLogout(ctx: OAuth2Context, challenge: string) {
  const row = await ctx.db.oAuth2LogoutRequest.findFirst({ where: { id: challenge } });
  if (!row) throw notFound("The logout challenge does not exist.");
  if (row.state !== "requested" || row.expiresAt <= ctx.now) throw new AppError("gone", "The logout request has already been handled or has expired.");
  return row;
}

/** Hydra's oAuth2LogoutRequest. */
export async function getLogoutRequest(ctx: OAuth2Context, challenge: string) {
  const row = await openLogout(ctx, challenge);
  const client = row.clientId ? await findClient(ctx, row.clientId) : null;
  const data = row.request as unknown as LogoutRequestData;
  return { challenge: row.id, subject: row.subject, sid: row.sid, request_url: data.requestUrl, rp_initiated: data.rpInitiated, requested_at: row.createdAt.toISOString(), expires_at: row.expiresAt.toISOString(), ...(client ? { client: presentClient(client) } : {}) };
}

export async function acceptLogoutRequest(ctx: OAuth2Context, challenge: string) {
  const row = await openLogout(ctx, challenge);
  await ctx.db.oAuth2LogoutRequest.updateMany({ where: { id: row.id, state: "requested" }, data: { state: "accepted" } });
  return { redirect_to: `${ctx.issuer}/oauth2/sessions/logout?logout_verifier=${row.verifier}` };
}

export async function rejectLogoutRequest(ctx: OAuth2Context, challenge: string): Promise<void> {
  const row = await openLogout(ctx, challenge);
  await ctx.db.oAuth2LogoutRequest.updateMany({ where: { id: row.id, state: "requested" }, data: { state: "rejected" } });
}

async function finishLogout(ctx: OAuth2Context, verifier: string, cookieHeader: string | undefined): Promise<AuthorizeOutcome> {
  const row = await ctx.db.oAuth2LogoutRequest.findFirst({ where: { verifier } });
  if (!row || row.state !== "accepted") return errorPage("The logout verifier is invalid or was already used.");
  await ctx.db.oAuth2LogoutRequest.updateMany({ where: { id: row.id, state: "accepted" }, data: { state: "done" } });
  const session = await loginSessionFromCookie(ctx, cookieHeader);
  const sessions = [...(row.sid ? [{ id: row.sid, subject: row.subject }] : []), ...(session && session.id !== row.sid ? [{ id: session.id, subject: session.subject }] : [])];
  const ended = await endLoginSessions(ctx, sessions, { frontChannel: true });
  void ended.backChannel;
  return afterLogout(ctx, row.request as unknown as LogoutRequestData, ended.frontChannelUrls, [clearLoginSessionCookie(ctx.issuer)]);
}

/** RP-Initiated Logout §3: back to the registered post_logout_redirect_uri with state, else the project's page. */
function afterLogout(ctx: OAuth2Context, data: LogoutRequestData, frontChannelUrls: string[], cookies: string[]): AuthorizeOutcome {
  let target: string;
  if (data.postLogoutRedirectUri) {
    const url = new URL(data.postLogoutRedirectUri);
    if (data.state) url.searchParams.set("state", data.state);
    target = url.toString();
  } else {
    target = resolveProjectUrl(ctx.issuer, settingsOf(ctx).urls.post_logout_redirect).toString();
  }
  if (!frontChannelUrls.length) return { type: "redirect", location: target, cookies };
  return { type: "html", status: 200, html: frontChannelPage(frontChannelUrls, target), cookies };
}
