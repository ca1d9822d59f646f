import { randomUUID } from "node:crypto";
import { ID_TOKEN_SET, signCompact, signingKey } from "@/lib/keys";
import type { ClientDocument } from "../clients";
import type { OAuth2Context } from "../context";
import { idTokenAlg } from "../id-token";
import { keyRetentionMs } from "../key-retention";

/** OIDC Back-Channel Logout §2.4: a logout token (typ logout+jwt, the backchannel-logout event, no nonce). */
export async function mintLogoutToken(ctx: OAuth2Context, client: ClientDocument, subject: string, sid: string): Promise<string> {
  const alg = idTokenAlg(client);
  const key = await signingKey(ctx, ID_TOKEN_SET, alg, () => keyRetentionMs(ctx));
  const iat = Math.floor(ctx.now.getTime() / 1000);
  return signCompact(
    { typ: "logout+jwt", kid: key.kid },
    { iss: ctx.issuer, aud: [client.client_id], iat, exp: iat + 120, jti: randomUUID(), sub: subject, sid, events: { "http://schemas.openid.net/event/backchannel-logout": {} } },
    key.key,
    alg,
  );
}
