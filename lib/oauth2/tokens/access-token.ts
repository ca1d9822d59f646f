import { randomUUID } from "node:crypto";
import { ACCESS_TOKEN_SET, signCompactAsync, signingKey } from "@/lib/keys";
import type { ClientDocument } from "../clients";
import type { OAuth2Context } from "../context";
import { settingsOf } from "../context";
import { keyRetentionMs } from "../key-retention";
import { newOpaqueToken } from "./format";
import type { TokenSession } from "./session";

export interface AccessTokenInput {
  client: ClientDocument;
  subject: string;
  scopes: string[];
  audience: string[];
  session: TokenSession;
  expiresAt: Date;
}

const RESERVED = new Set(["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "client_id", "scope", "scp", "ext", "auth_time", "acr", "amr", "cnf"]);

export const accessTokenStrategy = (ctx: OAuth2Context, client: ClientDocument) => client.access_token_strategy || settingsOf(ctx).strategies.access_token;

/**
 * An access token: an RFC 9068 JWT (`typ: at+jwt`, ES256 from the access token key set) or an opaque
 * token. Either way a row keyed by jti / SHA-256 backs introspection and revocation.
 */
export async function mintAccessToken(ctx: OAuth2Context, input: AccessTokenInput): Promise<{ token: string; signature: string }> {
  if (accessTokenStrategy(ctx, input.client) !== "jwt") return newOpaqueToken("access_token");
  const jti = randomUUID();
  const key = await signingKey(ctx, ACCESS_TOKEN_SET, "ES256", () => keyRetentionMs(ctx));
  const ext = input.session.accessToken;
  const extNames = ext ? Object.keys(ext) : [];
  // Mirrored claims first; the registered ones below are never among them.
  const payload: Record<string, unknown> = ext && extNames.length ? Object.fromEntries(extNames.filter((name) => !RESERVED.has(name)).map((name) => [name, ext[name]])) : {};
  const iat = Math.floor(ctx.now.getTime() / 1000);
  payload.iss = ctx.issuer;
  payload.sub = input.subject;
  payload.aud = input.audience;
  payload.exp = Math.floor(input.expiresAt.getTime() / 1000);
  payload.iat = iat;
  payload.nbf = iat;
  payload.jti = jti;
  payload.client_id = input.client.client_id;
  payload.scope = input.scopes.join(" ");
  payload.scp = input.scopes;
  if (input.session.authTime) payload.auth_time = input.session.authTime;
  if (input.session.acr) payload.acr = input.session.acr;
  if (input.session.amr?.length) payload.amr = input.session.amr;
  if (extNames.length) payload.ext = ext;
  return { token: await signCompactAsync({ typ: "at+jwt", kid: key.kid }, payload, key.key, key.alg), signature: jti };
}
