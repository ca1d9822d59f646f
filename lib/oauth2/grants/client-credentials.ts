import { randomUUID } from "node:crypto";
import type { ClientDocument } from "../clients";
import { settingsOf, type OAuth2Context } from "../context";
import { invalidRequest, invalidScope } from "../errors";
import { audienceAllowed, disallowedScopes, parseScope } from "../scopes";
import { issueTokens, type TokenResponse } from "../tokens/issue";

/**
 * RFC 6749 §4.4. Requested scopes must be registered on the client (§3.3: invalid_scope); with no scope
 * requested the grant carries none, unless the project grants all registered scopes by default (Hydra's
 * `client_credentials.default_grant_allowed_scope`). Requested audiences must be registered too.
 */
export async function clientCredentialsGrant(ctx: OAuth2Context, client: ClientDocument, form: URLSearchParams): Promise<TokenResponse> {
  const settings = settingsOf(ctx);
  const registered = registeredScopes(client);
  const requested = form.has("scope") ? parseScope(form.get("scope")) : settings.oauth2.client_credentials.default_grant_allowed_scope ? [...registered] : [];
  const denied = disallowedScopes(registered, requested, settings.strategies.scope);
  if (denied.length) throw invalidScope(`The client may not request the scope(s): ${denied.join(" ")}.`);
  const audience = requestedAudience(form);
  const foreign = audience.filter((a) => !audienceAllowed(client.audience, a));
  if (foreign.length) throw invalidRequest(`The client may not request the audience(s): ${foreign.join(" ")}.`);
  return issueTokens(ctx, {
    client,
    grantType: "client_credentials",
    subject: client.client_id,
    scopes: requested,
    audience,
    session: { grantType: "client_credentials" },
    requestId: randomUUID(),
    refresh: false,
    idToken: false,
  });
}

// Client documents are cached (clients/store): their scope is split once, not per token.
const registeredByClient = new WeakMap<ClientDocument, string[]>();

function registeredScopes(client: ClientDocument): string[] {
  let scopes = registeredByClient.get(client);
  if (!scopes) registeredByClient.set(client, (scopes = parseScope(client.scope)));
  return scopes;
}

/** Hydra's `audience` parameter: space-separated, or repeated. */
export function requestedAudience(form: URLSearchParams): string[] {
  return [...new Set(form.getAll("audience").flatMap((v) => v.split(" ")).filter(Boolean))];
}
