import { decodeJwt, decodeProtectedHeader } from "jose";
import { z } from "zod";
import { auditChange } from "@/lib/keys";
import type { OAuth2Context } from "@/lib/oauth2/context";
import { OAuth2Error } from "@/lib/oauth2/errors";
import { tokenEndpoint } from "@/lib/oauth2/grants/token-endpoint";
import { introspectToken } from "@/lib/oauth2/tokens/introspect";
import { revokeToken } from "@/lib/oauth2/tokens/revoke";

export const tryClientCredentialsSchema = z.object({
  clientSecret: z.string().min(1, "required").max(512, "tooLong"),
  scope: z.string().trim().max(4096, "tooLong"),
});

export type TryResult =
  | { ok: true; format: "jwt" | "opaque"; expiresIn: number; scope: string; header?: Record<string, unknown>; claims: Record<string, unknown> }
  | { ok: false; error: string; description: string };

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/**
 * The console's "try it" for machine clients: runs the real token endpoint (RFC 6749 §4.4, client
 * authenticated with the secret the operator types in), returns the token DECODED (JWT header and claims,
 * or the introspection of an opaque token), then revokes it: the console never hands out a live credential.
 */
export async function tryClientCredentials(ctx: OAuth2Context, client: { client_id: string; token_endpoint_auth_method: string }, input: z.infer<typeof tryClientCredentialsSchema>): Promise<TryResult> {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (input.scope) form.set("scope", input.scope);
  let authorization: string | undefined;
  if (client.token_endpoint_auth_method === "client_secret_post") {
    form.set("client_id", client.client_id);
    form.set("client_secret", input.clientSecret);
  } else {
    authorization = basic(client.client_id, input.clientSecret);
  }
  try {
    const response = await tokenEndpoint(ctx, authorization, form);
    const token = response.access_token;
    const isJwt = token.split(".").length === 3;
    const result: TryResult = isJwt
      ? { ok: true, format: "jwt", expiresIn: response.expires_in, scope: response.scope, header: decodeProtectedHeader(token) as Record<string, unknown>, claims: decodeJwt(token) as Record<string, unknown> }
      : { ok: true, format: "opaque", expiresIn: response.expires_in, scope: response.scope, claims: await introspectToken(ctx, token) };
    await revokeToken(ctx, client.client_id, token);
    await auditChange(ctx, ctx.db, "oauth2.client.tried", "oauth2_client", client.client_id, { grant_type: "client_credentials" });
    return result;
  } catch (error) {
    if (error instanceof OAuth2Error) return { ok: false, error: error.error, description: error.description };
    throw error;
  }
}
