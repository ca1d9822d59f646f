import { ACCESS_TOKEN_SET, decodeCompact, isSigningAlgorithm, verificationKey, verifyDecoded } from "@/lib/keys";
import type { OAuth2Context } from "../context";
import { opaqueKind, tokenSignature } from "./format";
import { findTokenCached, type TokenRow } from "./store";

/** The stored row of a presented token (JWT access token by its verified jti, opaque by its hash). */
export async function findPresentedToken(ctx: OAuth2Context, token: string): Promise<TokenRow | undefined> {
  if (token.length > 8192) return undefined;
  if (opaqueKind(token)) return findTokenCached(ctx.db, ctx.project.id, tokenSignature(token));
  const decoded = decodeCompact(token);
  if (!decoded) return undefined;
  const { kid, alg, typ } = decoded.header;
  if (typ !== "at+jwt" || typeof kid !== "string" || typeof alg !== "string" || !isSigningAlgorithm(alg)) return undefined;
  const key = await verificationKey(ctx, kid, [ACCESS_TOKEN_SET]);
  if (!key || key.row.alg !== alg || !verifyDecoded(decoded, key.publicKeyObject(), alg)) return undefined;
  const jti = decoded.payload.jti;
  if (typeof jti !== "string") return undefined;
  const row = await findTokenCached(ctx.db, ctx.project.id, jti);
  return row?.kind === "access_token" ? row : undefined;
}

/** Active = not revoked, not expired, and for refresh tokens not yet rotated (RFC 7662 §2.2). */
export function isActive(row: TokenRow, now: Date): boolean {
  if (row.revokedAt || row.expiresAt <= now) return false;
  if (row.kind === "refresh_token") return row.usedAt === null;
  return row.kind === "access_token";
}
