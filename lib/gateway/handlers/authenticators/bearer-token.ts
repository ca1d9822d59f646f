import { z } from "zod";
import { SESSION_TOKEN_PREFIX } from "@/lib/sessions";
import { defineHandler, tokenFromSchema } from "../define";
import type { Authenticator } from "../../pipeline/types";
import { authenticateSessionToken, sessionPathsSchema } from "./session-common";
import { tokenFrom } from "./token-from";

/** `bearer_token`: a session token (`Authorization: Bearer ory_st_…`, or where `token_from` says), checked locally. */
export const bearerTokenAuthenticator = defineHandler(
  "bearer_token",
  z.object({ ...sessionPathsSchema, token_from: tokenFromSchema, prefix: z.string().max(64).optional() }).strict(),
  (config): Authenticator =>
    async (ctx) => {
      const token = tokenFrom(ctx.request, config.token_from);
      if (!token) return "not_responsible";
      // Only our session tokens: an OAuth2 token or a JWT is left to the next authenticator of the chain.
      if (!token.startsWith(config.prefix ?? SESSION_TOKEN_PREFIX)) return "not_responsible";
      return authenticateSessionToken(ctx, token, config);
    },
);
