import { z } from "zod";
import { PUBLIC_KEY_PREFIX, SECRET_KEY_PREFIX, verifyCredential } from "@/lib/api-key-service";
import { defineHandler, scopeStrategySchema, tokenFromSchema } from "../define";
import { forbiddenError, unauthorizedError } from "../../pipeline/errors";
import type { Authenticator, GatewayRequest } from "../../pipeline/types";
import { missingScopes } from "./scope-strategy";
import { tokenFrom, type TokenFrom } from "./token-from";

const DEFAULT_HEADER = "x-api-key";

/**
 * Where the key is read: `token_from` when configured (a header, query parameter or cookie: any credential there is
 * ours to judge, imported keys included); else the `X-API-Key` header, or `Authorization: Bearer` when it carries one of
 * our issued keys (`pc_sk_…`/`pc_pk_…`; other bearer tokens are left to the next authenticator of the chain).
 */
function credentialOf(request: GatewayRequest, from: TokenFrom): string | undefined {
  if (from) return tokenFrom(request, from);
  const header = request.header(DEFAULT_HEADER)?.trim();
  if (header) return header;
  const bearer = tokenFrom(request, undefined);
  return bearer && (bearer.startsWith(SECRET_KEY_PREFIX) || bearer.startsWith(PUBLIC_KEY_PREFIX)) ? bearer : undefined;
}

/**
 * `api_key` (ours; Oathkeeper has none): a key of the project's API key service (lib/api-key-service), issued, imported
 * or a token derived from one, verified in process (cached; revocations through this instance apply at once). The
 * subject is the key's `actor_id` (else its id); `extra.api_key` carries id, actor, scopes, metadata and rate-limit
 * policy for authorizers and mutators (the `id_token` mutator copies it into its token). IP restrictions apply to
 * the client's address as lib/request-origin resolves it.
 */
export const apiKeyAuthenticator = defineHandler(
  "api_key",
  z.object({
    token_from: tokenFromSchema,
    required_scope: z.array(z.string().min(1).max(200)).max(50).default([]),
    scope_strategy: scopeStrategySchema.default("exact"),
  }).strict(),
  (config): Authenticator =>
    async (ctx) => {
      const credential = credentialOf(ctx.request, config.token_from);
      if (!credential) return "not_responsible";
      const result = await verifyCredential({ project: ctx.project, db: ctx.db, now: ctx.now, ip: ctx.request.ip, issuer: ctx.baseUrl }, credential);
      if (!result.is_valid || !result.key_id) throw unauthorizedError(result.error_message ?? "The API key is not valid.");
      const missing = missingScopes(result.scopes ?? [], config.required_scope, config.scope_strategy);
      if (missing.length) throw forbiddenError(`The API key lacks the scopes ${missing.join(", ")}.`);
      const apiKey = {
        id: result.key_id, actor_id: result.actor_id ?? "", scopes: result.scopes ?? [], metadata: result.metadata ?? {},
        visibility: result.visibility, ...(result.rate_limit_policy ? { rate_limit_policy: result.rate_limit_policy } : {}),
        ...(result.expire_time ? { expire_time: result.expire_time } : {}),
      };
      return { subject: result.actor_id || result.key_id, extra: { api_key: apiKey } };
    },
);
