import { createHash } from "node:crypto";
import { errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";
import { TtlCache } from "@/lib/core/ttl-cache";
import { defineHandler, durationMs, durationSchema, httpUrl, scopeStrategySchema, tokenFromSchema } from "../define";
import { internalError, unauthorizedError } from "../../pipeline/errors";
import type { Authenticator } from "../../pipeline/types";
import { checkClaims } from "./claims-checks";
import { remoteJwks } from "@/lib/core/remote-jwks";
import { tokenFrom } from "./token-from";

const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"] as const;

// Verified signatures, by (JWKS URLs, algorithms, SHA-256 of the whole token): a JWT verifies the same way
// until it expires, so only the signature check is cached (≤ 5 s, never past exp); claim checks run per rule.
const verified = new TtlCache<string, Record<string, unknown>>(5_000, 50_000);

/**
 * `jwt`: a JWT from any issuer, verified against `jwks_urls` (RFC 7515 §5.2, RFC 7517), with Oathkeeper's
 * `trusted_issuers`, `target_audience`, `required_scope` and `allowed_algorithms` (default RS256).
 * Not responsible for a credential that is not a compact JWS.
 */
export const jwtAuthenticator = defineHandler(
  "jwt",
  z
    .object({
      jwks_urls: z.array(httpUrl).min(1).max(8),
      trusted_issuers: z.array(z.string().max(2048)).max(32).optional(),
      target_audience: z.array(z.string().max(2048)).max(32).optional(),
      required_scope: z.array(z.string().max(256)).max(64).optional(),
      allowed_algorithms: z.array(z.enum(ALGORITHMS)).min(1).default(["RS256"]),
      scope_strategy: scopeStrategySchema,
      token_from: tokenFromSchema,
      jwks_max_wait: durationSchema.optional(),
      jwks_ttl: durationSchema.optional(),
    })
    .strict(),
  (config): Authenticator => {
    const options = { ttlMs: durationMs(config.jwks_ttl, 30_000), timeoutMs: durationMs(config.jwks_max_wait, 3_000) };
    const sets = config.jwks_urls.map((url) => remoteJwks(url, options));
    const scope = `${config.jwks_urls.join(" ")}|${config.allowed_algorithms.join(",")}`;
    return async (ctx) => {
      const token = tokenFrom(ctx.request, config.token_from);
      if (!token || token.split(".").length !== 3) return "not_responsible";
      const key = `${ctx.project.id}|${scope}|${createHash("sha256").update(token).digest("base64url")}`;
      let claims = verified.get(key);
      if (!claims) {
        claims = await verify(token, sets, config.allowed_algorithms, ctx.now);
        const exp = typeof claims.exp === "number" ? claims.exp * 1000 - ctx.now.getTime() : 5_000;
        if (exp > 0) verified.set(key, claims, Date.now(), Math.min(5_000, exp));
      } else if (typeof claims.exp === "number" && claims.exp * 1000 <= ctx.now.getTime()) {
        throw unauthorizedError("The token has expired.");
      }
      checkClaims(claims, config);
      if (typeof claims.sub !== "string") throw unauthorizedError("The token has no subject.");
      return { subject: claims.sub, extra: claims };
    };
  },
);

async function verify(token: string, sets: ReturnType<typeof remoteJwks>[], algorithms: string[], now: Date): Promise<Record<string, unknown>> {
  let last: unknown;
  for (const set of sets) {
    try {
      const { payload } = await jwtVerify(token, set, { algorithms, currentDate: now, clockTolerance: 5 });
      return payload as Record<string, unknown>;
    } catch (error) {
      last = error;
      if (!(error instanceof joseErrors.JWKSNoMatchingKey)) break;
    }
  }
  if (last instanceof joseErrors.JWKSTimeout || last instanceof joseErrors.JWKSInvalid || !(last instanceof joseErrors.JOSEError)) {
    throw internalError(`The JSON Web Key Set could not be fetched: ${last instanceof Error ? last.message : "unknown error"}`);
  }
  const reason = last instanceof joseErrors.JWTExpired ? "The token has expired." : last instanceof Error ? `The token is invalid: ${last.message}` : "The token is invalid.";
  throw unauthorizedError(reason);
}
