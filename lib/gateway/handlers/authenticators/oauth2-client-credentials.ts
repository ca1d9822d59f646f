import { z } from "zod";
import { authenticateClient } from "@/lib/oauth2/client-auth/authenticate";
import { isOAuth2Error } from "@/lib/oauth2/errors";
import { disallowedScopes, parseScope } from "@/lib/oauth2/scopes";
import { oauth2Settings } from "@/lib/oauth2/settings";
import { defineHandler } from "../define";
import { forbiddenError, unauthorizedError } from "../../pipeline/errors";
import type { Authenticator } from "../../pipeline/types";
import { oauth2ContextOf } from "./oauth2-context";

/**
 * `oauth2_client_credentials`: the request carries an OAuth2 client's id and secret as HTTP Basic
 * credentials (RFC 6749 §2.3.1). Oathkeeper exchanges them at a token URL; we run the same checks as this
 * project's token endpoint locally — client authentication, the client_credentials grant type (§4.4) and
 * the requested scopes (§3.3) — without minting a token. Subject: the client id.
 */
export const oauth2ClientCredentialsAuthenticator = defineHandler(
  "oauth2_client_credentials",
  z
    .object({
      required_scope: z.array(z.string().min(1).max(256)).max(64).default([]),
      /** Accepted for Oathkeeper compatibility and ignored: the exchange is checked locally. */
      token_url: z.string().max(2048).optional(),
      retry: z.unknown().optional(),
      cache: z.unknown().optional(),
    })
    .strict(),
  (config): Authenticator =>
    async (ctx) => {
      const authorization = ctx.request.header("authorization");
      if (!authorization || !/^basic /i.test(authorization)) return "not_responsible";
      const oauth2 = await oauth2ContextOf(ctx);
      let client;
      try {
        ({ client } = await authenticateClient(oauth2, authorization, new URLSearchParams(), `${ctx.baseUrl}/oauth2/token`));
      } catch (error) {
        if (isOAuth2Error(error)) throw unauthorizedError(error.description);
        throw error;
      }
      if (!client.grant_types.includes("client_credentials")) throw unauthorizedError("The client may not use the client_credentials grant.");
      const denied = disallowedScopes(parseScope(client.scope), config.required_scope, oauth2Settings(ctx.project).strategies.scope);
      if (denied.length) throw forbiddenError(`The client may not request the scope(s): ${denied.join(" ")}.`);
      return { subject: client.client_id, extra: {} };
    },
);
