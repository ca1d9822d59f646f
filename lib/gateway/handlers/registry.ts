import type { Authenticator, Authorizer, ErrorHandler, Mutator } from "../pipeline/types";
import type { HandlerDefinition } from "./define";
import { anonymousAuthenticator } from "./authenticators/anonymous";
import { apiKeyAuthenticator } from "./authenticators/api-key";
import { bearerTokenAuthenticator } from "./authenticators/bearer-token";
import { cookieSessionAuthenticator } from "./authenticators/cookie-session";
import { jwtAuthenticator } from "./authenticators/jwt";
import { mtlsAuthenticator } from "./authenticators/mtls";
import { noopAuthenticator } from "./authenticators/noop";
import { oauth2ClientCredentialsAuthenticator } from "./authenticators/oauth2-client-credentials";
import { oauth2IntrospectionAuthenticator } from "./authenticators/oauth2-introspection";
import { unauthorizedAuthenticator } from "./authenticators/unauthorized";
import { allowAuthorizer } from "./authorizers/allow";
import { denyAuthorizer } from "./authorizers/deny";
import { permissionAuthorizer } from "./authorizers/permission";
import { remoteJsonAuthorizer } from "./authorizers/remote-json";
import { cookieMutator } from "./mutators/cookie";
import { headerMutator } from "./mutators/header";
import { hydratorMutator } from "./mutators/hydrator";
import { idTokenMutator } from "./mutators/id-token";
import { noopMutator } from "./mutators/noop";
import { jsonErrorHandler } from "./errors/json";
import { redirectErrorHandler } from "./errors/redirect";
import { wwwAuthenticateErrorHandler } from "./errors/www-authenticate";

const byName = <T>(definitions: HandlerDefinition<T>[]): Record<string, HandlerDefinition<T>> =>
  Object.fromEntries(definitions.map((d) => [d.name, d]));

/** Every handler a rule may name, by pipeline stage. */
export const HANDLERS = {
  authenticators: byName<Authenticator>([
    noopAuthenticator, anonymousAuthenticator, unauthorizedAuthenticator, cookieSessionAuthenticator, bearerTokenAuthenticator,
    oauth2IntrospectionAuthenticator, jwtAuthenticator, oauth2ClientCredentialsAuthenticator, apiKeyAuthenticator, mtlsAuthenticator,
  ]),
  authorizer: byName<Authorizer>([allowAuthorizer, denyAuthorizer, permissionAuthorizer, remoteJsonAuthorizer]),
  mutators: byName<Mutator>([noopMutator, headerMutator, cookieMutator, idTokenMutator, hydratorMutator]),
  errors: byName<ErrorHandler>([jsonErrorHandler, redirectErrorHandler, wwwAuthenticateErrorHandler]),
};

export type HandlerStage = keyof typeof HANDLERS;

export function handlerDefinition<S extends HandlerStage>(stage: S, name: string): (typeof HANDLERS)[S][string] | undefined {
  const table = HANDLERS[stage] as Record<string, (typeof HANDLERS)[S][string]>;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
