import { randomBytes } from "node:crypto";
import { findClient } from "../clients";
import { settingsOf, type OAuth2Context } from "../context";
import { resolveProjectUrl } from "../issuer";
import { approveDeviceRequest, denyDeviceRequest } from "../device/approve";
import { identitySessionClaims } from "../identity/claims";
import { authorizationResponse } from "./authorization-response";
import { clearCsrfCookie, csrfMatches } from "./csrf";
import { saveLoginSession } from "./login-sessions";
import { rememberedConsentCovers } from "./remembered-consent";
import { deliverToClient, errorToClient, type AuthorizeOutcome } from "./response";
import { findFlow, transitionFlow } from "./store";
import type { Flow } from "./types";

const hostedError = (description: string): AuthorizeOutcome => ({ type: "error_page", status: 400, error: "invalid_request", description });

async function openByVerifier(ctx: OAuth2Context, flow: Flow | undefined, states: Flow["state"][], cookieHeader: string | undefined): Promise<Flow | AuthorizeOutcome> {
  if (!flow || !states.includes(flow.state)) return hostedError("The login or consent verifier is invalid or was already used.");
  if (!csrfMatches(flow, cookieHeader)) return hostedError("This authorization request was started in another browser (CSRF check failed).");
  if (flow.expiresAt <= ctx.now) return errorToClient(flow.request, ctx.issuer, "invalid_request", "The authorization request expired; start again.");
  return flow;
}

/** Errors go back to the client, or for a device flow to a hosted page (and the device's poll gets access_denied). */
async function failFlow(ctx: OAuth2Context, flow: Flow, error: string, description: string, cookies: string[]): Promise<AuthorizeOutcome> {
  if (!flow.request.deviceRequestId) return errorToClient(flow.request, ctx.issuer, error, description, cookies);
  await denyDeviceRequest(ctx, flow.request.deviceRequestId);
  return { type: "error_page", status: 403, error, description };
}

/** The browser is back from the login UI: remember the login, then hand it to the consent UI. */
export async function continueAfterLogin(ctx: OAuth2Context, verifier: string, cookieHeader: string | undefined): Promise<AuthorizeOutcome> {
  const opened = await openByVerifier(ctx, await findFlow(ctx.db, { loginVerifier: verifier }), ["login_accepted", "login_rejected"], cookieHeader);
  if ("type" in opened) return opened;
  const flow = opened;
  const login = flow.login!;
  if (flow.state === "login_rejected" || login.error) {
    await transitionFlow(ctx.db, flow.id, ["login_rejected"], { state: "failed" });
    return failFlow(ctx, flow, login.error?.error ?? "access_denied", login.error?.error_description ?? "The login was rejected.", [clearCsrfCookie(ctx.issuer, flow.id)]);
  }
  const cookies: string[] = [];
  if (!login.skipped) {
    const sessionCookie = await saveLoginSession(ctx, {
      id: flow.loginSessionId!,
      subject: login.subject,
      authenticatedAt: new Date(login.authTime * 1000),
      remember: login.remember,
      rememberFor: login.rememberFor,
      acr: login.acr,
      amr: login.amr,
      identityProviderSessionId: login.identityProviderSessionId,
    });
    if (sessionCookie) cookies.push(sessionCookie);
  }
  const client = await findClient(ctx, flow.clientId);
  if (!client) return hostedError("The client no longer exists.");
  const remembered = !flow.request.prompt.includes("consent") && (await rememberedConsentCovers(ctx, { ...flow, subject: login.subject }));
  if (!remembered && !client.doc.skip_consent && flow.request.prompt.includes("none")) {
    return failFlow(ctx, flow, "consent_required", "The end-user must consent (prompt=none).", cookies);
  }
  const consentChallenge = randomBytes(32).toString("base64url");
  const moved = await transitionFlow(ctx.db, flow.id, ["login_accepted"], { state: "consent_requested", consentChallenge, login: { ...login, consentSkip: remembered } });
  if (!moved) return hostedError("The login verifier was already used.");
  if (client.doc.skip_consent) {
    // First-party clients (skip_consent): the requested scopes and audience are granted without a consent screen, with
    // the same session claims the hosted consent page would store (identity/claims.ts).
    const verifier = randomBytes(32).toString("base64url");
    const session = await identitySessionClaims(ctx, login.subject);
    const consent = { grantScope: flow.request.scope, grantAudience: flow.request.audience, session, remember: false, rememberFor: 0, context: {}, skipped: true };
    await transitionFlow(ctx.db, flow.id, ["consent_requested"], { state: "consent_accepted", consent, consentVerifier: verifier });
    return continueAfterConsent(ctx, verifier, cookieHeader, cookies);
  }
  const target = resolveProjectUrl(ctx.issuer, settingsOf(ctx).urls.consent);
  target.searchParams.set("consent_challenge", consentChallenge);
  return { type: "redirect", location: target.toString(), cookies };
}

/** The browser is back from the consent UI: answer with the response type's code and tokens (or approve the device), or deliver the error. */
export async function continueAfterConsent(ctx: OAuth2Context, verifier: string, cookieHeader: string | undefined, cookies: string[] = []): Promise<AuthorizeOutcome> {
  const opened = await openByVerifier(ctx, await findFlow(ctx.db, { consentVerifier: verifier }), ["consent_accepted", "consent_rejected"], cookieHeader);
  if ("type" in opened) return opened;
  const flow = opened;
  const consent = flow.consent!;
  cookies.push(clearCsrfCookie(ctx.issuer, flow.id));
  if (flow.state === "consent_rejected" || consent.error) {
    await transitionFlow(ctx.db, flow.id, ["consent_rejected"], { state: "failed" });
    return failFlow(ctx, flow, consent.error?.error ?? "access_denied", consent.error?.error_description ?? "The consent was rejected.", cookies);
  }
  const consentExpiresAt = consent.remember && consent.rememberFor > 0 ? new Date(ctx.now.getTime() + consent.rememberFor * 1000) : null;
  const used = await transitionFlow(ctx.db, flow.id, ["consent_accepted"], { state: "consent_used", handledAt: ctx.now, remember: consent.remember, consentExpiresAt });
  if (!used) return hostedError("The consent verifier was already used.");
  if (flow.request.deviceRequestId) {
    await approveDeviceRequest(ctx, flow.request.deviceRequestId, flow.id);
    return { type: "redirect", location: resolveProjectUrl(ctx.issuer, settingsOf(ctx).urls.device.success).toString(), cookies };
  }
  const client = await findClient(ctx, flow.clientId);
  if (!client) return hostedError("The client no longer exists.");
  return deliverToClient(flow.request, ctx.issuer, await authorizationResponse(ctx, client.doc, flow), cookies);
}
