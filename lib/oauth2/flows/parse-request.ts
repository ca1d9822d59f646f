import { runAuthorizationChecks } from "../authorize/checks";
import { defaultResponseMode } from "../authorize/response-types";
import { findClient, type ClientDocument } from "../clients";
import type { OAuth2Context } from "../context";
import { OAuth2Error } from "../errors";
import { parseScope } from "../scopes";
import { readRequestObject } from "./request-object";
import { errorToClient, type AuthorizeOutcome } from "./response";
import type { AuthorizationRequest } from "./types";

export type ParsedRequest = { ok: true; client: ClientDocument; request: AuthorizationRequest } | { ok: false; outcome: AuthorizeOutcome };

const hostedError = (error: string, description: string): ParsedRequest => ({ ok: false, outcome: { type: "error_page", status: 400, error, description } });
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
  // Errors found before the response mode is checked still go where the client looks: fragment for token responses.
  const mode = input.get("response_mode");
  const fallback = defaultResponseMode(input.get("response_type"));
  const target = { redirectUri, responseMode: (mode && MODES.has(mode) && !(mode === "query" && fallback === "fragment") ? mode : fallback) as AuthorizationRequest["responseMode"], state: input.get("state") ?? undefined };
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
  const checked = await runAuthorizationChecks(ctx, client, p);
  return {
    clientId: client.client_id,
    redirectUri,
    redirectUriGiven,
    responseType: checked.responseType!,
    responseMode: checked.responseMode!,
    scope: checked.scope!,
    audience: checked.audience!,
    state: p.get("state") ?? undefined,
    nonce: checked.nonce,
    codeChallenge: checked.codeChallenge,
    codeChallengeMethod: checked.codeChallengeMethod,
    prompt: checked.prompt!,
    maxAge: checked.maxAge,
    idTokenHintClaims: checked.idTokenHintClaims,
    loginHint: p.get("login_hint") ?? undefined,
    uiLocales: parseScope(p.get("ui_locales")),
    acrValues: parseScope(p.get("acr_values")),
    display: p.get("display") ?? undefined,
    claims: checked.claims,
    requestUrl: `${ctx.issuer}/oauth2/auth?${p.toString()}`.slice(0, 8000),
  };
}
