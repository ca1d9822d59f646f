import { authenticateClient } from "../client-auth/authenticate";
import type { OAuth2Context } from "../context";
import { invalidRequest, unauthorizedClient, unsupportedGrantType } from "../errors";
import type { TokenResponse } from "../tokens/issue";
import { authorizationCodeGrant } from "./authorization-code";
import { clientCredentialsGrant } from "./client-credentials";
import { deviceCodeGrant, DEVICE_CODE_GRANT } from "./device-code";
import { refreshTokenGrant } from "./refresh-token";

const GRANTS = {
  client_credentials: clientCredentialsGrant,
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  [DEVICE_CODE_GRANT]: deviceCodeGrant,
} as const;

/** RFC 6749 §3.2: parameters sent without a value are treated as omitted; none may repeat. */
const REPEATABLE = ["audience", "resource"];

export function checkSingleValued(form: URLSearchParams, repeatable: string[] = REPEATABLE): void {
  const seen = new Set<string>();
  for (const [name] of form) {
    if (seen.has(name) && !repeatable.includes(name)) throw invalidRequest(`The parameter ${name} is included more than once (RFC 6749 §3.1).`);
    seen.add(name);
  }
}

/** The token endpoint (RFC 6749 §3.2): authenticate the client, then run the grant it asked for. */
export async function tokenEndpoint(ctx: OAuth2Context, authorization: string | undefined, form: URLSearchParams): Promise<TokenResponse> {
  checkSingleValued(form);
  const grantType = form.get("grant_type");
  if (!grantType) throw invalidRequest("The grant_type parameter is missing.");
  const grant = GRANTS[grantType as keyof typeof GRANTS];
  const { client } = await authenticateClient(ctx, authorization, form, `${ctx.issuer}/oauth2/token`);
  if (!grant) throw unsupportedGrantType(`The grant type ${grantType} is not supported.`);
  if (!(client.grant_types as string[]).includes(grantType)) throw unauthorizedClient(`The client is not allowed to use the grant type ${grantType}.`);
  return grant(ctx, client, form);
}
