import { randomBytes } from "node:crypto";
import { AppError, badRequest, notFound } from "@/lib/core/errors";
import { findClient } from "../clients";
import type { OAuth2Context } from "../context";
import { presentConsentRequest, presentLoginRequest } from "./present";
import type { acceptConsentSchema, acceptLoginSchema, rejectSchema } from "./schemas";
import { findFlow, transitionFlow } from "./store";
import type { Flow, RejectBody } from "./types";
import type { z } from "zod";

const newVerifier = () => randomBytes(32).toString("base64url");
const gone = (what: string) => new AppError("gone", `The ${what} request has already been handled or has expired.`, { id: "request_handled" });

async function openFlow(ctx: OAuth2Context, flow: Flow | undefined, state: Flow["state"], what: string): Promise<Flow> {
  if (!flow) throw notFound(`The ${what} challenge does not exist.`, { id: "challenge_not_found" });
  if (flow.state !== state || flow.expiresAt <= ctx.now) throw gone(what);
  return flow;
}

async function clientOf(ctx: OAuth2Context, flow: Flow) {
  const client = await findClient(ctx, flow.clientId);
  if (!client) throw gone("login");
  return client;
}

const continueUrl = (ctx: OAuth2Context, flow: Flow, name: string, value: string) =>
  `${ctx.issuer}/oauth2/auth?client_id=${encodeURIComponent(flow.clientId)}&${name}=${value}`;

function rejection(body: z.infer<typeof rejectSchema>): RejectBody {
  return {
    error: body.error || "access_denied",
    error_description: body.error_description || "The resource owner denied the request",
    error_hint: body.error_hint,
    error_debug: body.error_debug,
    status_code: body.status_code,
  };
}

export async function getLoginRequest(ctx: OAuth2Context, challenge: string) {
  const flow = await openFlow(ctx, await findFlow(ctx.db, { id: challenge }), "login_requested", "login");
  return presentLoginRequest(flow, await clientOf(ctx, flow));
}

/** Hydra's acceptOAuth2LoginRequest: records who signed in; the browser continues at redirect_to. */
export async function acceptLoginRequest(ctx: OAuth2Context, challenge: string, body: z.infer<typeof acceptLoginSchema>) {
  const flow = await openFlow(ctx, await findFlow(ctx.db, { id: challenge }), "login_requested", "login");
  if (flow.subject && flow.subject !== body.subject) {
    throw badRequest("The subject differs from the subject of the remembered login session (skip was true).", { id: "subject_mismatch" });
  }
  let authTime = Math.floor(ctx.now.getTime() / 1000);
  let { acr, amr } = body;
  if (flow.subject && flow.loginSessionId) {
    const session = await ctx.db.oAuth2LoginSession.findFirst({ where: { id: flow.loginSessionId } });
    if (session) {
      authTime = Math.floor(session.authenticatedAt.getTime() / 1000);
      acr ||= session.acr;
      if (!amr.length) amr = session.amr as string[];
    }
  }
  const verifier = newVerifier();
  const login = {
    subject: body.subject,
    remember: body.remember,
    rememberFor: body.remember_for,
    acr,
    amr,
    context: body.context ?? {},
    authTime,
    identityProviderSessionId: body.identity_provider_session_id,
    extendSessionLifespan: body.extend_session_lifespan,
    skipped: Boolean(flow.subject),
  };
  if (!(await transitionFlow(ctx.db, flow.id, ["login_requested"], { state: "login_accepted", subject: body.subject, login, loginVerifier: verifier }))) throw gone("login");
  return { redirect_to: continueUrl(ctx, flow, "login_verifier", verifier) };
}

export async function rejectLoginRequest(ctx: OAuth2Context, challenge: string, body: z.infer<typeof rejectSchema>) {
  const flow = await openFlow(ctx, await findFlow(ctx.db, { id: challenge }), "login_requested", "login");
  const verifier = newVerifier();
  const login = { subject: "", remember: false, rememberFor: 0, acr: "", amr: [], context: {}, authTime: 0, skipped: false, error: rejection(body) };
  if (!(await transitionFlow(ctx.db, flow.id, ["login_requested"], { state: "login_rejected", login, loginVerifier: verifier }))) throw gone("login");
  return { redirect_to: continueUrl(ctx, flow, "login_verifier", verifier) };
}

export async function getConsentRequest(ctx: OAuth2Context, challenge: string) {
  const flow = await openFlow(ctx, await findFlow(ctx.db, { consentChallenge: challenge }), "consent_requested", "consent");
  return presentConsentRequest(flow, await clientOf(ctx, flow));
}

/** Hydra's acceptOAuth2ConsentRequest: what the user granted, and the claims for the tokens. */
export async function acceptConsentRequest(ctx: OAuth2Context, challenge: string, body: z.infer<typeof acceptConsentSchema>) {
  const flow = await openFlow(ctx, await findFlow(ctx.db, { consentChallenge: challenge }), "consent_requested", "consent");
  const verifier = newVerifier();
  const consent = {
    grantScope: [...new Set(body.grant_scope)],
    grantAudience: [...new Set(body.grant_access_token_audience)],
    session: { access_token: body.session?.access_token ?? undefined, id_token: body.session?.id_token ?? undefined },
    remember: body.remember,
    rememberFor: body.remember_for,
    context: body.context ?? {},
    skipped: Boolean(flow.login?.consentSkip),
  };
  if (!(await transitionFlow(ctx.db, flow.id, ["consent_requested"], { state: "consent_accepted", consent, consentVerifier: verifier }))) throw gone("consent");
  return { redirect_to: continueUrl(ctx, flow, "consent_verifier", verifier) };
}

export async function rejectConsentRequest(ctx: OAuth2Context, challenge: string, body: z.infer<typeof rejectSchema>) {
  const flow = await openFlow(ctx, await findFlow(ctx.db, { consentChallenge: challenge }), "consent_requested", "consent");
  const verifier = newVerifier();
  const consent = { grantScope: [], grantAudience: [], session: {}, remember: false, rememberFor: 0, context: {}, skipped: false, error: rejection(body) };
  if (!(await transitionFlow(ctx.db, flow.id, ["consent_requested"], { state: "consent_rejected", consent, consentVerifier: verifier }))) throw gone("consent");
  return { redirect_to: continueUrl(ctx, flow, "consent_verifier", verifier) };
}
