import { presentClient, type ClientRecord } from "../clients";
import type { Flow } from "./types";

const oidcContext = (flow: Flow) => ({
  acr_values: flow.request.acrValues,
  display: flow.request.display ?? "",
  id_token_hint_claims: flow.request.idTokenHintClaims ?? {},
  login_hint: flow.request.loginHint ?? "",
  ui_locales: flow.request.uiLocales,
});

/** Hydra's oAuth2LoginRequest. */
export function presentLoginRequest(flow: Flow, client: ClientRecord) {
  return {
    challenge: flow.id,
    client: presentClient(client),
    oidc_context: oidcContext(flow),
    request_url: flow.request.requestUrl,
    requested_access_token_audience: flow.request.audience,
    requested_scope: flow.request.scope,
    session_id: flow.loginSessionId ?? "",
    skip: Boolean(flow.subject),
    subject: flow.subject,
    ...(flow.request.deviceRequestId ? { device_challenge_id: flow.request.deviceRequestId } : {}),
  };
}

/** Hydra's oAuth2ConsentRequest. */
export function presentConsentRequest(flow: Flow, client: ClientRecord, skip = Boolean(flow.login?.consentSkip)) {
  return {
    challenge: flow.consentChallenge ?? "",
    consent_request_id: flow.id,
    acr: flow.login?.acr ?? "",
    amr: flow.login?.amr ?? [],
    client: presentClient(client),
    context: flow.login?.context ?? {},
    login_challenge: flow.id,
    login_session_id: flow.loginSessionId ?? "",
    oidc_context: oidcContext(flow),
    request_url: flow.request.requestUrl,
    requested_access_token_audience: flow.request.audience,
    requested_scope: flow.request.scope,
    skip,
    subject: flow.subject,
  };
}

/** Hydra's oAuth2ConsentSession (one remembered or handled consent). */
export function presentConsentSession(flow: Flow, client: ClientRecord) {
  const consent = flow.consent!;
  return {
    consent_request: presentConsentRequest(flow, client, consent.skipped),
    consent_request_id: flow.id,
    context: consent.context ?? {},
    grant_access_token_audience: consent.grantAudience,
    grant_scope: consent.grantScope,
    handled_at: flow.handledAt?.toISOString(),
    remember: consent.remember,
    remember_for: consent.rememberFor,
    session: { access_token: consent.session.access_token ?? {}, id_token: consent.session.id_token ?? {} },
    expires_at: flow.consentExpiresAt ? { access_token: flow.consentExpiresAt.toISOString() } : undefined,
  };
}
