import { ACCESS_TOKEN_SET, decodeCompact, isSigningAlgorithm, verificationKey, verifyDecoded } from "@/lib/keys";
import { TtlCache } from "@/lib/core/ttl-cache";
import type { OAuth2Context } from "../context";
import { opaqueKind, tokenSignature } from "./format";
import { statelessRow } from "./stateless";
import { findTokenCached, type TokenRow } from "./store";

// ECDSA verification is the dearest step of introspecting a JWT, and resource servers present the same token
// many times. A token string whose signature verified is remembered for a minute; on every hit its key must
// still be published (a deleted or expired key ends it at once) and revocation is checked as usual below.
const verified = new TtlCache<string, { kid: string; payload: Record<string, unknown> }>(60_000, 20_000);

async function verifiedClaims(ctx: OAuth2Context, token: string): Promise<Record<string, unknown> | undefined> {
  const cacheKey = `${ctx.project.id}\u0000${token}`;
  const hit = verified.get(cacheKey);
  if (hit) return (await verificationKey(ctx, hit.kid, [ACCESS_TOKEN_SET])) ? hit.payload : undefined;
  const decoded = decodeCompact(token);
  if (!decoded) return undefined;
  const { kid, alg, typ } = decoded.header;
  if (typ !== "at+jwt" || typeof kid !== "string" || typeof alg !== "string" || !isSigningAlgorithm(alg)) return undefined;
  const key = await verificationKey(ctx, kid, [ACCESS_TOKEN_SET]);
  if (!key || key.row.alg !== alg || !verifyDecoded(decoded, key.publicKeyObject(), alg)) return undefined;
  verified.set(cacheKey, { kid, payload: decoded.payload });
  return decoded.payload;
}

/** The stored row of a presented token (JWT access token by its verified jti, opaque by its hash). */
export async function findPresentedToken(ctx: OAuth2Context, token: string): Promise<TokenRow | undefined> {
  if (token.length > 8192) return undefined;
  if (opaqueKind(token)) return findTokenCached(ctx.db, ctx.project.id, tokenSignature(token));
  const payload = await verifiedClaims(ctx, token);
  const jti = payload?.jti;
  if (!payload || typeof jti !== "string") return undefined;
  const row = await findTokenCached(ctx.db, ctx.project.id, jti);
  if (!row) return statelessRow(ctx, payload);
  return row.kind === "access_token" ? row : undefined;
}

/** Active = not revoked, not expired, and for refresh tokens not yet rotated (RFC 7662 §2.2). */
export function isActive(row: TokenRow, now: Date): boolean {
  if (row.revokedAt || row.expiresAt <= now) return false;
  if (row.kind === "refresh_token") return row.usedAt === null;
  return row.kind === "access_token";
}
