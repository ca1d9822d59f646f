import { instanceWide } from "@/lib/core/instance-wide";
import type { ProjectDb } from "@/lib/db";
import type { TokenKind } from "./format";
import type { TokenSession } from "./session";
import { insertBatched } from "./write-batcher";
import { TtlCache } from "@/lib/core/ttl-cache";
import { forgetClient } from "../clients/store";

export interface TokenRow {
  signature: string;
  kind: TokenKind;
  requestId: string;
  clientId: string;
  subject: string;
  scope: string;
  audience: string[];
  session: TokenSession;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

type Db = Pick<ProjectDb, "oAuth2Token" | "$executeRawUnsafe">;

export async function insertTokens(db: Db, projectId: string, rows: Omit<TokenRow, "usedAt" | "revokedAt">[]): Promise<void> {
  if (rows.length === 0) return;
  await insertBatched(db, projectId, rows);
}

// Introspection and userinfo read the same token again and again. Rows are cached briefly; revocation in
// this process evicts at once, other instances see it within the TTL (README: caches).
const rowCache = new TtlCache<string, TokenRow | null>(2_000, 100_000);
const cacheKey = (projectId: string, signature: string) => `${projectId}\u0000${signature}`;

/** A token row for read-only checks (introspection, userinfo), briefly cached. */
export async function findTokenCached(db: Db, projectId: string, signature: string): Promise<TokenRow | undefined> {
  const key = cacheKey(projectId, signature);
  const cached = rowCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const row = await findToken(db, signature);
  rowCache.set(key, row ?? null);
  return row;
}

export function evictTokens(projectId: string, match: (row: TokenRow) => boolean): void {
  rowCache.deleteWhere((row, key) => key.startsWith(`${projectId}\u0000`) && (row === null || match(row)));
}

export async function findToken(db: Db, signature: string): Promise<TokenRow | undefined> {
  const row = await db.oAuth2Token.findFirst({ where: { signature } });
  if (!row) return undefined;
  return { ...row, kind: row.kind as TokenKind, audience: row.audience as string[], session: row.session as unknown as TokenSession };
}

/** Marks a single-use token used; false when it was already used or revoked (a concurrent redemption lost). */
export const forgetToken = instanceWide("oauth2/tokens/store#forgetToken", (projectId: string, signature: string): void => {
  rowCache.delete(cacheKey(projectId, signature));
});

export async function markUsed(db: Db, signature: string, now: Date, projectId?: string): Promise<boolean> {
  if (projectId) forgetToken(projectId, signature);
  const { count } = await db.oAuth2Token.updateMany({ where: { signature, usedAt: null, revokedAt: null }, data: { usedAt: now } });
  return count === 1;
}

/** Revokes every token of one grant (code, its access/refresh tokens and their rotations). */
export async function revokeRequest(db: Db, requestId: string, now: Date, projectId?: string): Promise<number> {
  if (projectId) evictTokens(projectId, (row) => row.requestId === requestId);
  const { count } = await db.oAuth2Token.updateMany({ where: { requestId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** Revokes every stored token of a client and, through the client's cut-off, its stateless JWTs (./stateless). */
export async function revokeClientTokens(db: Db & Pick<ProjectDb, "oAuth2Client">, clientId: string, now: Date, projectId: string): Promise<number> {
  evictTokens(projectId, (row) => row.clientId === clientId);
  // JWT iat has one-second precision: tokens issued within the second of the revocation are revoked too (fails closed).
  const cutoff = new Date(Math.floor(now.getTime() / 1000) * 1000 + 1000);
  await db.oAuth2Client.updateMany({ where: { id: clientId }, data: { tokensRevokedBefore: cutoff } });
  forgetClient(projectId, clientId);
  const { count } = await db.oAuth2Token.updateMany({ where: { clientId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
