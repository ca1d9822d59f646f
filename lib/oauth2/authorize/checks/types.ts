import type { ClientDocument } from "../../clients";
import type { OAuth2Context } from "../../context";
import type { AuthorizationRequest } from "../../flows/types";

/** What a check sees: the request's parameters, its client, and what the checks before it established. */
export interface CheckInput {
  ctx: OAuth2Context;
  client: ClientDocument;
  params: URLSearchParams;
  draft: Partial<AuthorizationRequest>;
}

/**
 * One rule of the authorization request (oidc-provider's layout): throws an OAuth2Error when the request breaks it,
 * else returns the request fields it validated.
 */
export type AuthorizationCheck = (input: CheckInput) => Partial<AuthorizationRequest> | void | Promise<Partial<AuthorizationRequest> | void>;
