import { createHash } from "node:crypto";
import { ID_TOKEN_SET, isSigningAlgorithm, signCompactAsync, signingKey, type SigningAlgorithm } from "@/lib/keys";
import { releasedClaims } from "./claims/release";
import type { ClientDocument } from "./clients";
import type { OAuth2Context } from "./context";
import { keyRetentionMs } from "./key-retention";
import type { TokenSession } from "./tokens/session";

const HASH_OF: Record<string, string> = { "256": "sha256", "384": "sha384", "512": "sha512" };

/** OIDC Core §3.1.3.6 / §3.3.2.11: base64url of the left half of the hash of the token's ASCII octets. */
export function halfHash(value: string, alg: SigningAlgorithm): string {
  const hash = alg === "EdDSA" ? "sha512" : HASH_OF[alg.slice(2)] ?? "sha256";
  const digest = createHash(hash).update(value, "ascii").digest();
  return digest.subarray(0, digest.length / 2).toString("base64url");
}

/** The client's registered `id_token_signed_response_alg`, RS256 by default (OIDC Core §3.1.3.7 step 7). */
export const idTokenAlg = (client: ClientDocument): SigningAlgorithm =>
  client.id_token_signed_response_alg && isSigningAlgorithm(client.id_token_signed_response_alg) ? client.id_token_signed_response_alg : "RS256";

export interface IdTokenInput {
  client: ClientDocument;
  subject: string;
  /** The granted scopes: they decide which standard claims the token carries (claims/release.ts). */
  scopes: readonly string[];
  session: TokenSession;
  expiresAt: Date;
  nonce?: string;
  accessToken?: string;
  code?: string;
}

/** An ID token (OIDC Core §2) signed with the project's ID token key of the client's algorithm. */
export async function mintIdToken(ctx: OAuth2Context, input: IdTokenInput): Promise<string> {
  const alg = idTokenAlg(input.client);
  const key = await signingKey(ctx, ID_TOKEN_SET, alg, () => keyRetentionMs(ctx));
  const s = input.session;
  const payload: Record<string, unknown> = {
    ...releasedClaims(s.idToken, input.scopes),
    iss: ctx.issuer,
    sub: input.subject,
    aud: [input.client.client_id],
    exp: Math.floor(input.expiresAt.getTime() / 1000),
    iat: Math.floor(ctx.now.getTime() / 1000),
    jti: crypto.randomUUID(),
    ...(s.authTime ? { auth_time: s.authTime } : {}),
    ...(input.nonce ? { nonce: input.nonce } : {}),
    ...(s.acr ? { acr: s.acr } : {}),
    ...(s.amr?.length ? { amr: s.amr } : {}),
    ...(s.sid ? { sid: s.sid } : {}),
    ...(input.accessToken ? { at_hash: halfHash(input.accessToken, alg) } : {}),
    ...(input.code ? { c_hash: halfHash(input.code, alg) } : {}),
  };
  return signCompactAsync({ typ: "JWT", kid: key.kid }, payload, key.key, alg);
}
