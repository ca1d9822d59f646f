import { z } from "zod";
import { auditActor, type ServiceContext } from "@/lib/identity";
import { recordAudit } from "@/lib/audit";
import { invalidateSession } from "./cache";

const MAX_IDS = 500;
/** Rows one wildcard call touches; callers re-issue the request while `more` is true (Ory's contract). */
const WILDCARD_BATCH = 1000;
const uuid = z.uuid("Each id must be a UUID.");

/** Ory Network's `manageSessionsBody`: exactly one of `identities` (or `["*"]`) and `sessions`. */
export const manageSessionsBody = z
  .object({
    action: z.enum(["disable", "delete"]),
    identities: z.union([z.tuple([z.literal("*")]), z.array(uuid).min(1).max(MAX_IDS)]).optional(),
    sessions: z.array(uuid).min(1).max(MAX_IDS).optional(),
  })
  .refine((body) => (body.identities === undefined) !== (body.sessions === undefined), "Provide exactly one of identities and sessions.");
export type ManageSessionsBody = z.infer<typeof manageSessionsBody>;

/**
 * Ory Network's manageSessions (`POST /admin/sessions`): disables (active = false, kept for audit) or deletes the
 * sessions of listed identities, listed sessions, or — `identities: ["*"]` — every session of the project, in
 * batches. `processed` counts what changed (for `disable`, only sessions that were still active).
 */
export async function manageSessions(ctx: ServiceContext, body: ManageSessionsBody): Promise<{ processed: number; more: boolean }> {
  const wildcard = body.identities?.[0] === "*";
  const where = {
    ...(body.action === "disable" ? { active: true } : {}),
    ...(body.sessions ? { id: { in: body.sessions } } : {}),
    ...(body.identities && !wildcard ? { identityId: { in: body.identities as string[] } } : {}),
  };
  const result = await ctx.db.$transaction(async (tx) => {
    const rows = await tx.session.findMany({ where, select: { id: true }, ...(wildcard ? { take: WILDCARD_BATCH, orderBy: { id: "asc" as const } } : {}) });
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return { ids, processed: 0 };
    const { count } = body.action === "disable"
      ? await tx.session.updateMany({ where: { id: { in: ids }, active: true }, data: { active: false } })
      : await tx.session.deleteMany({ where: { id: { in: ids } } });
    await recordAudit(tx, {
      workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, ...auditActor(ctx), action: `sessions.${body.action === "disable" ? "disabled" : "deleted"}`,
      targetType: "session", targetId: wildcard ? "*" : (body.sessions ?? body.identities ?? []).slice(0, 20).join(","), data: { count, wildcard },
    });
    return { ids, processed: count };
  });
  for (const id of result.ids) invalidateSession(ctx.project.id, id);
  return { processed: result.processed, more: wildcard && result.ids.length === WILDCARD_BATCH };
}
