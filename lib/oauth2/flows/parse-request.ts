import { findClient, type ClientDocument } from "../clients";
import { settingsOf, type OAuth2Context } from "../context";
import { OAuth2Error, invalidRequest, invalidScope } from "../errors";
import { VERIFIER } from "../pkce";
import { audienceAllowed, disallowedScopes, parseScope } from "../scopes";
import { verifyOwnIdToken } from "./id-token-hint";
import { readRequestObject } from "./request-object";
import { errorToClient, type AuthorizeOutcome } from "./response";
import type { AuthorizationRequest } from "./types";

export type ParsedRequest = { ok: true; client: ClientDocument; request: AuthorizationRequest } | { ok: false; outcome: AuthorizeOutcome };

const hostedError = (error: string, description: string): ParsedRequest => ({ ok: false, outcome: { type: "error_page", status: 400, error, description } });
const PROMPTS = new Set(["none", "login", "consent", "select_account"]);
const MODES = new Set(["query", "fragment", "form_post"]);

/**
 * Validates an authorization request. Until the client and redirect_uri are known good, errors go to a
 * hosted error page and never to the redirect_uri (RFC 6749 §4.1.2.1, §10.15); after that, to the client.
 */
export async function parseAuthorizationRequest(ctx: OAuth2Context, input: URLSearchParams): Promise<ParsedRequest> {
  const clientId = input.get("client_id");
  if (!clientId) return hostedError("invalid_request", "The client_id parameter is missing.");
  const record = await findClient(ctx, clientId);
  if (!record) return hostedError("invalid_client", "The client does not exist.");
  const client = record.doc;
  const given = input.get("redirect_uri");
  // RFC 6749 §3.1.2.3 and OIDC Core §3.1.2.1: exact string comparison with a registered URI.
  if (given !== null && !client.redirect_uris.includes(given)) return hostedError("invalid_request", "The redirect_uri is not registered for this client.");
  if (given === null && client.redirect_uris.length !== 1) return hostedError("invalid_request", "redirect_uri is required: the client registered several.");
  const redirectUri = given ?? client.redirect_uris[0];
  const mode = input.get("response_mode");
  const target = { redirectUri, responseMode: (mode && MODES.has(mode) ? mode : "query") as AuthorizationRequest["responseMode"], state: input.get("state") ?? undefined };
  try {
    let params = input;
    if (input.has("request_uri")) throw new OAuth2Error("request_uri_not_supported", "request_uri is not supported; pass the request object by value (OIDC Core §6.2).");
    const requestJwt = input.get("request");
    if (requestJwt) {
      const fromObject = await readRequestObject(requestJwt, client, ctx.issuer);
      if (fromObject.client_id !== undefined && fromObject.client_id !== clientId) throw new OAuth2Error("invalid_request_object", "client_id in the request object differs.");
      if (fromObject.response_type !== undefined && fromObject.response_type !== input.get("response_type")) throw new OAuth2Error("invalid_request_object", "response_type in the request object differs.");
      params = new URLSearchParams({ ...Object.fromEntries(input), ...fromObject });
      if (params.get("redirect_uri") !== given && !client.redirect_uris.includes(params.get("redirect_uri") ?? "")) throw new OAuth2Error("invalid_request_object", "redirect_uri in the request object is not registered.");
      target.state = params.get("state") ?? undefined;
    }
    const request = await validateParameters(ctx, client, params, target.redirectUri, given !== null);
    return { ok: true, client, request };
  } catch (error) {
    if (error instanceof OAuth2Error) return { ok: false, outcome: errorToClient(target, ctx.issuer, error.error, error.description) };
    throw error;
  }
}

async function validateParameters(ctx: OAuth2Context, client: ClientDocument, p: URLSearchParams, redirectUri: string, redirectUriGiven: boolean): Promise<AuthorizationRequest> {
  const settings = settingsOf(ctx);
  const responseType = p.get("response_type");
  if (!responseType) throw invalidRequest("The response_type parameter is missing.");
  if (responseType !== "code") throw new OAuth2Error("unsupported_response_type", `The response type ${responseType} is not supported (only code).`);
  if (!client.response_types.includes("code") || !client.grant_types.includes("authorization_code")) throw new OAuth2Error("unauthorized_client", "The client may not use the authorization code flow.");
  const mode = p.get("response_mode") ?? "query";
  if (!MODES.has(mode)) throw invalidRequest(`The response_mode ${mode} is not supported.`);
  const scope = parseScope(p.get("scope"));
  const denied = disallowedScopes(parseScope(client.scope), scope, settings.strategies.scope);
  if (denied.length) throw invalidScope(`The client may not request the scope(s): ${denied.join(" ")}.`);
  const audience = [...new Set(p.getAll("audience").flatMap((a) => a.split(" ")).filter(Boolean))];
  if (audience.some((a) => !audienceAllowed(client.audience, a))) throw invalidRequest("The client may not request this audience.");
  const prompt = parseScope(p.get("prompt"));
  if (prompt.some((v) => !PROMPTS.has(v))) throw invalidRequest("prompt contains an unknown value.");
  if (prompt.includes("none") && prompt.length > 1) throw invalidRequest("prompt=none cannot be combined with other values (OIDC Core §3.1.2.1).");
  const maxAgeRaw = p.get("max_age");
  if (maxAgeRaw !== null && !/^\d{1,10}$/.test(maxAgeRaw)) throw invalidRequest("max_age must be a non-negative integer.");
  const { codeChallenge, codeChallengeMethod } = checkPkce(client, p, settings.oauth2.pkce);
  let claims: Record<string, unknown> | undefined;
  const claimsRaw = p.get("claims");
  if (claimsRaw) {
    try {
      const parsed = JSON.parse(claimsRaw) as unknown;
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error();
      claims = parsed as Record<string, unknown>;
    } catch {
      throw invalidRequest("The claims parameter is not a JSON object (OIDC Core §5.5).");
    }
  }
  let idTokenHintClaims: Record<string, unknown> | undefined;
  const hint = p.get("id_token_hint");
  if (hint) {
    idTokenHintClaims = await verifyOwnIdToken(ctx, hint);
    if (!idTokenHintClaims) throw invalidRequest("The id_token_hint is not an ID token issued by this provider.");
  }
  return {
    clientId: client.client_id,
    redirectUri,
    redirectUriGiven,
    responseType,
    responseMode: mode as AuthorizationRequest["responseMode"],
    scope,
    audience,
    state: p.get("state") ?? undefined,
    nonce: p.get("nonce") ?? undefined,
    codeChallenge,
    codeChallengeMethod,
    prompt,
    maxAge: maxAgeRaw !== null ? Number(maxAgeRaw) : undefined,
    idTokenHintClaims,
    loginHint: p.get("login_hint") ?? undefined,
    uiLocales: parseScope(p.get("ui_locales")),
    acrValues: parseScope(p.get("acr_values")),
    display: p.get("display") ?? undefined,
    claims,
    requestUrl: `${ctx.issuer}/oauth2/auth?${p.toString()}`.slice(0, 8000),
  };
}

/** RFC 7636 §4.3–4.4; public clients must use S256 (OAuth 2.0 Security BCP §2.1.1). */
function checkPkce(client: ClientDocument, p: URLSearchParams, pkce: { enforced: boolean; enforced_for_public_clients: boolean }) {
  const challenge = p.get("code_challenge") ?? undefined;
  const method = p.get("code_challenge_method") ?? (challenge ? "plain" : undefined);
  const isPublic = client.token_endpoint_auth_method === "none";
  if (!challenge) {
    if (method) throw invalidRequest("code_challenge_method without code_challenge.");
    if (pkce.enforced || (isPublic && pkce.enforced_for_public_clients)) throw invalidRequest("PKCE is required: send code_challenge with code_challenge_method S256 (RFC 7636).");
    return { codeChallenge: undefined, codeChallengeMethod: undefined };
  }
  if (method !== "S256" && method !== "plain") throw invalidRequest("code_challenge_method must be S256 or plain.");
  if (isPublic && method !== "S256") throw invalidRequest("Public clients must use code_challenge_method S256.");
  if (!VERIFIER.test(challenge)) throw invalidRequest("code_challenge must be 43-128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.2).");
  return { codeChallenge: challenge, codeChallengeMethod: method };
}
