import { settingsOf } from "../../context";
import { invalidScope } from "../../errors";
import { disallowedScopes, parseScope } from "../../scopes";
import type { ClientDocument } from "../../clients";
import type { OAuth2Context } from "../../context";
import type { AuthorizationCheck } from "./types";

/** RFC 6749 §3.3 / §4.1.2.1 `invalid_scope`: only scopes registered on the client (Hydra's scope strategy). */
export function requestedScope(ctx: OAuth2Context, client: ClientDocument, params: URLSearchParams): string[] {
  const scope = parseScope(params.get("scope"));
  const denied = disallowedScopes(parseScope(client.scope), scope, settingsOf(ctx).strategies.scope);
  if (denied.length) throw invalidScope(`The client may not request the scope(s): ${denied.join(" ")}.`);
  return scope;
}

export const scopeCheck: AuthorizationCheck = ({ ctx, client, params }) => ({ scope: requestedScope(ctx, client, params) });
