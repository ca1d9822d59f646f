import { randomUUID } from "node:crypto";
import { ACCESS_TOKEN_SET, signCompact, signingKey } from "@/lib/keys";
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
  const ext = input.session.accessToken ?? {};
  const mirrored = Object.fromEntries(Object.entries(ext).filter(([name]) => !RESERVED.has(name)));
  const iat = Math.floor(ctx.now.getTime() / 1000);
  const payload: Record<string, unknown> = {
    ...mirrored,
    iss: ctx.issuer,
    sub: input.subject,
    aud: input.audience,
    exp: Math.floor(input.expiresAt.getTime() / 1000),
    iat,
    nbf: iat,
    jti,
    client_id: input.client.client_id,
    scope: input.scopes.join(" "),
    scp: input.scopes,
    ...(input.session.authTime ? { auth_time: input.session.authTime } : {}),
    ...(input.session.acr ? { acr: input.session.acr } : {}),
    ...(input.session.amr?.length ? { amr: input.session.amr } : {}),
    ...(Object.keys(ext).length ? { ext } : {}),
  };
  return { token: signCompact({ typ: "at+jwt", kid: key.kid }, payload, key.key, key.alg), signature: jti };
}
