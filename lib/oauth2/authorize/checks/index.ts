import type { ClientDocument } from "../../clients";
import type { OAuth2Context } from "../../context";
import type { AuthorizationRequest } from "../../flows/types";
import { audienceCheck, requestedAudience } from "./audience";
import { claimsParameterCheck } from "./claims-parameter";
import { clientResponseTypeCheck } from "./client-response-type";
import { idTokenHintCheck } from "./id-token-hint";
import { maxAgeCheck } from "./max-age";
import { nonceCheck } from "./nonce";
import { openidScopeCheck } from "./openid-scope";
import { pkceCheck } from "./pkce";
import { promptCheck } from "./prompt";
import { responseModeCheck } from "./response-mode";
import { responseTypeCheck } from "./response-type";
import { requestedScope, scopeCheck } from "./scope";
import type { AuthorizationCheck } from "./types";

export { requestedAudience, requestedScope };
export type { AuthorizationCheck, CheckInput } from "./types";

/** The authorization endpoint's rules, in order (later ones read what earlier ones established). */
export const AUTHORIZATION_CHECKS: readonly AuthorizationCheck[] = [
  responseTypeCheck,
  clientResponseTypeCheck,
  responseModeCheck,
  scopeCheck,
  openidScopeCheck,
  audienceCheck,
  promptCheck,
  maxAgeCheck,
  pkceCheck,
  nonceCheck,
  claimsParameterCheck,
  idTokenHintCheck,
];

/** Runs the checks over the parameters; the first broken rule throws its OAuth2Error. */
export async function runAuthorizationChecks(ctx: OAuth2Context, client: ClientDocument, params: URLSearchParams): Promise<Partial<AuthorizationRequest>> {
  let draft: Partial<AuthorizationRequest> = {};
  for (const check of AUTHORIZATION_CHECKS) draft = { ...draft, ...(await check({ ctx, client, params, draft })) };
  return draft;
}
