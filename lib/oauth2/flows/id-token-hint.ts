import { decodeCompact, isSigningAlgorithm, verificationKey, verifyDecoded, ID_TOKEN_SET } from "@/lib/keys";
import type { OAuth2Context } from "../context";

/**
 * Verifies an ID token this issuer signed (id_token_hint, OIDC Core §3.1.2.1; RP-Initiated Logout §2).
 * Expiry is not checked: expired hints are allowed. Returns the claims, or undefined when it is not ours.
 */
export async function verifyOwnIdToken(ctx: OAuth2Context, token: string): Promise<Record<string, unknown> | undefined> {
  const decoded = decodeCompact(token);
  if (!decoded) return undefined;
  const { kid, alg } = decoded.header;
  if (typeof kid !== "string" || typeof alg !== "string" || !isSigningAlgorithm(alg)) return undefined;
  const key = await verificationKey(ctx, kid, [ID_TOKEN_SET]);
  if (!key || key.row.alg !== alg || !verifyDecoded(decoded, key.publicKeyObject(), alg)) return undefined;
  if (decoded.payload.iss !== ctx.issuer) return undefined;
  return decoded.payload;
}
