import { createHash } from "node:crypto";
import { z } from "zod";
import { TtlCache } from "@/lib/core/ttl-cache";
import { SESSION_TOKEN_PREFIX } from "@/lib/sessions";
import { defineHandler, scopeStrategySchema, tokenFromSchema } from "../define";
import { unauthorizedError } from "../../pipeline/errors";
import type { Authenticator } from "../../pipeline/types";
import { checkClaims } from "./claims-checks";
import { introspectToken } from "@/lib/oauth2/tokens/introspect";
import { oauth2ContextOf } from "./oauth2-context";
import { tokenFrom } from "./token-from";

/**
 * Introspection answers by project and the SHA-256 of the whole token (never a prefix: Oathkeeper's
 * cache-key CVE), for at most 2 s and never past the token's expiry. The OAuth2 module exposes no
 * revocation hook yet, so a revoked token may pass for up to those 2 s on an instance that cached it.
 */
export const INTROSPECTION_CACHE_TTL_MS = 2_000;
interface Introspection {
  sub: string;
  client_id: string;
  scope: string;
  aud: string[];
  iss: string;
  exp: number;
  ext: Record<string, unknown>;
}
const answers = new TtlCache<string, Introspection | null>(INTROSPECTION_CACHE_TTL_MS, 50_000);

export function forgetIntrospections(projectId?: string): void {
  if (!projectId) answers.clear();
  else answers.deleteWhere((_value, key) => key.startsWith(`${projectId}|`));
}

/**
 * `oauth2_introspection`: this project's OAuth2 access tokens (opaque or JWT), introspected in process by
 * the OAuth2 module (RFC 7662, no HTTP hop), with Oathkeeper's `required_scope`, `target_audience`, `trusted_issuers` and
 * `scope_strategy`. Subject: the token's `sub`; extra: its `ext` claims plus client_id and scope.
 */
export const oauth2IntrospectionAuthenticator = defineHandler(
  "oauth2_introspection",
  z
    .object({
      required_scope: z.array(z.string().max(256)).max(64).optional(),
      target_audience: z.array(z.string().max(2048)).max(32).optional(),
      trusted_issuers: z.array(z.string().max(2048)).max(32).optional(),
      scope_strategy: scopeStrategySchema,
      token_from: tokenFromSchema,
      /** Accepted for Oathkeeper compatibility and ignored: introspection is local. */
      introspection_url: z.string().max(2048).optional(),
      introspection_request_headers: z.record(z.string(), z.string()).optional(),
      pre_authorization: z.unknown().optional(),
      preserve_host: z.boolean().optional(),
      retry: z.unknown().optional(),
      cache: z.unknown().optional(),
      prefix: z.string().max(64).optional(),
    })
    .strict(),
  (config): Authenticator =>
    async (ctx) => {
      const token = tokenFrom(ctx.request, config.token_from);
      if (!token || token.startsWith(SESSION_TOKEN_PREFIX)) return "not_responsible";
      if (config.prefix && !token.startsWith(config.prefix)) return "not_responsible";
      const key = `${ctx.project.id}|${createHash("sha256").update(token).digest("base64url")}`;
      let answer = answers.get(key);
      if (answer === undefined) {
        const result = await introspectToken(await oauth2ContextOf(ctx), token);
        answer = result.active && "token_use" in result && result.token_use === "access_token"
          ? { sub: result.sub, client_id: result.client_id, scope: result.scope, aud: result.aud, iss: result.iss, exp: result.exp, ext: result.ext ?? {} }
          : null;
        const ttl = answer ? Math.min(INTROSPECTION_CACHE_TTL_MS, answer.exp * 1000 - ctx.now.getTime()) : INTROSPECTION_CACHE_TTL_MS;
        if (ttl > 0) answers.set(key, answer, Date.now(), ttl);
      }
      if (!answer || answer.exp * 1000 <= ctx.now.getTime()) throw unauthorizedError("The access token is not active.");
      checkClaims({ ...answer, scp: answer.scope.split(" ").filter(Boolean) }, config);
      return { subject: answer.sub, extra: { ...answer.ext, client_id: answer.client_id, scope: answer.scope, aud: answer.aud, iss: answer.iss } };
    },
);
