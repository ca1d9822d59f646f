import type { ProjectDb } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { TokenKind } from "./format";
import type { TokenSession } from "./session";

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

type Db = Pick<ProjectDb, "oAuth2Token">;

export async function insertTokens(db: Db, projectId: string, rows: Omit<TokenRow, "usedAt" | "revokedAt">[]): Promise<void> {
  if (rows.length === 0) return;
  const data = rows.map((r) => ({ ...r, projectId, audience: r.audience as Prisma.InputJsonValue, session: r.session as unknown as Prisma.InputJsonValue }));
  if (data.length === 1) await db.oAuth2Token.create({ data: data[0] });
  else await db.oAuth2Token.createMany({ data });
}

export async function findToken(db: Db, signature: string): Promise<TokenRow | undefined> {
  const row = await db.oAuth2Token.findFirst({ where: { signature } });
  if (!row) return undefined;
  return { ...row, kind: row.kind as TokenKind, audience: row.audience as string[], session: row.session as unknown as TokenSession };
}

/** Marks a single-use token used; false when it was already used or revoked (a concurrent redemption lost). */
export async function markUsed(db: Db, signature: string, now: Date): Promise<boolean> {
  const { count } = await db.oAuth2Token.updateMany({ where: { signature, usedAt: null, revokedAt: null }, data: { usedAt: now } });
  return count === 1;
}

/** Revokes every token of one grant (code, its access/refresh tokens and their rotations). */
export async function revokeRequest(db: Db, requestId: string, now: Date): Promise<number> {
  const { count } = await db.oAuth2Token.updateMany({ where: { requestId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

export async function revokeClientTokens(db: Db, clientId: string, now: Date): Promise<number> {
  const { count } = await db.oAuth2Token.updateMany({ where: { clientId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
