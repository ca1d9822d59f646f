import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { TtlCache } from "@/lib/core/ttl-cache";
import { ID_TOKEN_SET, signCompact, signingKey } from "@/lib/keys";
import { keyRetentionMs } from "@/lib/oauth2/key-retention";
import { compileTemplate } from "../../template";
import { defineHandler, durationMs, durationSchema, absoluteHttpUrl, templateString } from "../define";
import { internalError } from "../../pipeline/errors";
import type { Mutator } from "../../pipeline/types";
import { templateData } from "../template-data";
import { isPlainObject } from "../../template/values";

const RESERVED = new Set(["iss", "sub", "exp", "iat", "nbf", "jti"]);
// Minted tokens by (project, issuer, subject, rendered claims, ttl): RS256 signing costs ~1 ms, and a token
// stays valid for its whole ttl, so it is reused for the first half of its life (Oathkeeper caches too).
const minted = new TtlCache<string, string>(60_000, 20_000);

/**
 * `id_token`: replaces `Authorization` with a short-lived JWT about the subject (RFC 7519), signed with the
 * project's ID token key set (RS256) and so verifiable at `{project base URL}/.well-known/jwks.json`.
 * `claims` is a template rendering a JSON object (e.g. `{"aud": ["api"], "email": "{{ print .Extra.identity.traits.email }}"}`).
 * After the `api_key` authenticator the token carries an `api_key` claim (id, actor_id, scopes, metadata, …).
 */
export const idTokenMutator = defineHandler(
  "id_token",
  z
    .object({
      issuer_url: absoluteHttpUrl.optional(),
      ttl: durationSchema.default("15m").refine((v) => durationMs(v, 0) >= 1000 && durationMs(v, 0) <= 86_400_000, "must be between 1s and 24h"),
      claims: templateString(8192).optional(),
      /** Accepted for Oathkeeper compatibility and ignored: tokens are signed with the project's own keys. */
      jwks_url: z.string().max(2048).optional(),
    })
    .strict(),
  (config): Mutator => {
    const claims = config.claims ? compileTemplate(config.claims) : undefined;
    const ttlMs = durationMs(config.ttl, 900_000);
    return async (ctx, session) => {
      let extra: Record<string, unknown> = {};
      if (claims) {
        const rendered = claims.render(templateData(session, ctx.request));
        let parsed: unknown;
        try {
          parsed = JSON.parse(rendered);
        } catch {
          throw internalError("The id_token claims template did not render a JSON object.");
        }
        if (!isPlainObject(parsed)) throw internalError("The id_token claims template did not render a JSON object.");
        extra = Object.fromEntries(Object.entries(parsed).filter(([name]) => !RESERVED.has(name)));
      }
      // An API key's facts (set by the api_key authenticator) travel in the token unless the template set the claim.
      if (isPlainObject(session.extra.api_key) && extra.api_key === undefined) extra.api_key = session.extra.api_key;
      const issuer = config.issuer_url ?? ctx.baseUrl;
      const key = createHash("sha256").update(JSON.stringify([ctx.project.id, issuer, session.subject, extra, ttlMs])).digest("base64url");
      let token = minted.get(key);
      if (!token) {
        const db = await ctx.db();
        const scope = { project: ctx.project, db, now: ctx.now };
        const signer = await signingKey(scope, ID_TOKEN_SET, "RS256", () => keyRetentionMs({ project: ctx.project, db }));
        const iat = Math.floor(ctx.now.getTime() / 1000);
        const payload = { ...extra, iss: issuer, sub: session.subject, iat, nbf: iat, exp: iat + Math.floor(ttlMs / 1000), jti: randomUUID() };
        token = signCompact({ typ: "JWT", kid: signer.kid }, payload, signer.key, signer.alg);
        minted.set(key, token, Date.now(), Math.min(ttlMs / 2, 60_000));
      }
      session.header.Authorization = `Bearer ${token}`;
    };
  },
);
