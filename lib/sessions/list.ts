import type { ServiceContext } from "@/lib/identity";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/identity/store/page-token";
import type { SessionRecord } from "./record";

export interface ListSessionsInput {
  pageSize: number;
  pageToken?: string;
  /** true: only active sessions; false: only inactive ones; undefined: all. */
  active?: boolean;
  identityId?: string;
  /** Leave one session out (the caller's own, for `GET /sessions`). */
  exceptId?: string;
}

export interface SessionPage {
  sessions: SessionRecord[];
  nextPageToken?: string;
}

/** Sessions of the project (optionally of one identity), oldest first, keyset-paginated. */
export async function listSessions(ctx: Pick<ServiceContext, "db" | "now">, input: ListSessionsInput): Promise<SessionPage> {
  const activeFilter =
    input.active === true ? { active: true, expiresAt: { gt: ctx.now } } : input.active === false ? { OR: [{ active: false }, { expiresAt: { lte: ctx.now } }] } : {};
  const rows = await ctx.db.session.findMany({
    where: {
      AND: [
        afterCursor(decodeCursor(input.pageToken)),
        activeFilter,
        input.identityId ? { identityId: input.identityId } : {},
        input.exceptId ? { id: { not: input.exceptId } } : {},
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.pageSize + 1,
  });
  const sessions = rows.slice(0, input.pageSize);
  const last = sessions[sessions.length - 1];
  return { sessions, nextPageToken: rows.length > input.pageSize && last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined };
}

/** All sessions of an identity (newest first), for the console. */
export async function listIdentitySessions(ctx: Pick<ServiceContext, "db">, identityId: string, limit = 500): Promise<SessionRecord[]> {
  return ctx.db.session.findMany({ where: { identityId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
}
