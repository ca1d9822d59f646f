import { badRequest } from "@/lib/core/errors";
import { authMethodProblem } from "./auth-method-rules";
import { jwksProblem, jwksUriProblem } from "./jwks-rules";
import { corsOriginProblem } from "./origin-rules";
import { LIFESPAN_FIELDS, type ClientDocument, type ClientInput } from "./schema";

/** RFC 7591 §3.2.2 `invalid_redirect_uri` / `invalid_client_metadata` as Ory 400s. */
const invalid = (reason: string, id = "invalid_client_metadata") => badRequest("The request was malformed or contained invalid parameters", { id, reason });

/** RFC 6749 §3.1.2: redirection endpoints are absolute URIs without a fragment (custom schemes: RFC 8252 §7.1). */
export function checkRedirectUri(value: string, field: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`${field}: "${value}" is not an absolute URI.`, "invalid_redirect_uri");
  }
  if (value.includes("#") || url.hash) throw invalid(`${field}: "${value}" must not contain a fragment (RFC 6749 §3.1.2).`, "invalid_redirect_uri");
  if (/^(javascript|data|vbscript|file):$/i.test(url.protocol)) throw invalid(`${field}: the scheme ${url.protocol} is not allowed.`, "invalid_redirect_uri");
}

function checkHttpUri(value: string, field: string): void {
  if (!value) return;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw invalid(`${field} must be an absolute http(s) URL.`);
}

/** The client document from validated input; consistency rules of RFC 6749, RFC 7591 §2 and OIDC Registration §2. */
export function buildClientDocument(id: string, input: ClientInput): ClientDocument {
  const method = input.token_endpoint_auth_method ?? "client_secret_basic";
  const grants = input.grant_types?.length ? [...new Set(input.grant_types)] : ["authorization_code" as const];
  const explicitResponses = Boolean(input.response_types?.length);
  const responses = explicitResponses ? [...new Set(input.response_types)] : grants.includes("authorization_code") ? ["code"] : [];
  const redirects = input.redirect_uris ?? [];
  redirects.forEach((u) => checkRedirectUri(u, "redirect_uris"));
  (input.post_logout_redirect_uris ?? []).forEach((u) => checkRedirectUri(u, "post_logout_redirect_uris"));
  (input.request_uris ?? []).forEach((u) => checkHttpUri(u, "request_uris"));
  for (const field of ["client_uri", "policy_uri", "tos_uri", "logo_uri", "frontchannel_logout_uri", "backchannel_logout_uri", "sector_identifier_uri"] as const) {
    checkHttpUri(input[field] ?? "", field);
  }
  const origins = [...new Set(input.allowed_cors_origins ?? [])];
  for (const origin of origins) {
    const reason = corsOriginProblem(origin);
    if (reason) throw invalid(reason);
  }
  if (input.subject_type === "pairwise") throw invalid("subject_type pairwise is not supported; use public.");
  if (responses.some((r) => r.split(" ").includes("code")) && !grants.includes("authorization_code")) {
    throw invalid("response_types containing code require the authorization_code grant type.");
  }
  if (responses.some((r) => /(^| )(token|id_token)( |$)/.test(r)) && !grants.includes("implicit")) {
    throw invalid("response_types containing token or id_token require the implicit grant type.");
  }
  if (grants.includes("refresh_token") && !grants.some((g) => g === "authorization_code" || g.endsWith("device_code"))) {
    throw invalid("The refresh_token grant type requires authorization_code or device_code.");
  }
  if ((grants.includes("authorization_code") || grants.includes("implicit")) && redirects.length === 0) {
    throw invalid("redirect_uris must contain at least one URI for the authorization_code and implicit grant types.", "invalid_redirect_uri");
  }
  const methodProblem = authMethodProblem(method, grants, { jwks: Boolean(input.jwks?.keys?.length), jwksUri: Boolean(input.jwks_uri) });
  if (methodProblem) throw invalid(methodProblem.reason);
  const keyProblem = (input.jwks?.keys?.length ? jwksProblem(input.jwks) : undefined) ?? (input.jwks_uri ? jwksUriProblem(input.jwks_uri) : undefined);
  if (keyProblem) throw invalid(keyProblem.reason);
  const lifespans: ClientDocument["lifespans"] = {};
  for (const field of LIFESPAN_FIELDS) {
    const value = input[field];
    if (value) lifespans[field] = value;
  }
  return {
    client_id: id,
    client_name: input.client_name ?? "",
    client_secret_expires_at: input.client_secret_expires_at ?? 0,
    client_uri: input.client_uri ?? "",
    contacts: input.contacts ?? [],
    grant_types: grants,
    response_types: responses,
    redirect_uris: redirects,
    post_logout_redirect_uris: input.post_logout_redirect_uris ?? [],
    request_uris: input.request_uris ?? [],
    allowed_cors_origins: origins,
    audience: input.audience ?? [],
    scope: input.scope ?? "offline_access offline openid",
    owner: input.owner ?? "",
    policy_uri: input.policy_uri ?? "",
    tos_uri: input.tos_uri ?? "",
    logo_uri: input.logo_uri ?? "",
    subject_type: "public",
    sector_identifier_uri: input.sector_identifier_uri ?? "",
    ...(input.jwks?.keys?.length ? { jwks: { keys: input.jwks.keys } } : {}),
    jwks_uri: input.jwks_uri ?? "",
    token_endpoint_auth_method: method,
    token_endpoint_auth_signing_alg: input.token_endpoint_auth_signing_alg ?? "",
    request_object_signing_alg: input.request_object_signing_alg ?? "",
    userinfo_signed_response_alg: input.userinfo_signed_response_alg ?? "",
    id_token_signed_response_alg: input.id_token_signed_response_alg ?? "",
    frontchannel_logout_uri: input.frontchannel_logout_uri ?? "",
    frontchannel_logout_session_required: input.frontchannel_logout_session_required ?? false,
    backchannel_logout_uri: input.backchannel_logout_uri ?? "",
    backchannel_logout_session_required: input.backchannel_logout_session_required ?? false,
    metadata: input.metadata ?? {},
    skip_consent: input.skip_consent ?? false,
    skip_logout_consent: input.skip_logout_consent ?? false,
    access_token_strategy: input.access_token_strategy ?? "",
    lifespans,
  };
}

export const needsSecret = (doc: ClientDocument) => doc.token_endpoint_auth_method === "client_secret_basic" || doc.token_endpoint_auth_method === "client_secret_post";
