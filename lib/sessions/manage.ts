import { auditActor, type ServiceContext } from "@/lib/identity";
import { recordAudit } from "@/lib/audit";
import { isUuid } from "@/lib/core/ids";
import { invalidateIdentitySessions, invalidateSession } from "./cache";
import { sessionSettings } from "./config";
import type { Aal, AuthenticationMethod, SessionRecord } from "./record";
import { methodsOf } from "./record";

async function audit(ctx: ServiceContext, action: string, targetId: string, data: Record<string, unknown> = {}): Promise<void> {
  await recordAudit(ctx.db, { workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, ...auditActor(ctx), action, targetType: "session", targetId, data });
}

export async function getSession(ctx: Pick<ServiceContext, "db">, id: string): Promise<SessionRecord | undefined> {
  if (!isUuid(id)) return undefined;
  return (await ctx.db.session.findFirst({ where: { id } })) ?? undefined;
}

/** Revokes (deactivates) one session; false when there was no active session with that id. */
export async function revokeSession(ctx: ServiceContext, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { count } = await ctx.db.session.updateMany({ where: { id, active: true }, data: { active: false } });
  invalidateSession(ctx.project.id, id);
  if (count) await audit(ctx, "session.revoked", id);
  return count > 0;
}

/** Revokes every active session of an identity except `exceptId`; returns how many were revoked. */
export async function revokeIdentitySessions(ctx: ServiceContext, identityId: string, exceptId?: string): Promise<number> {
  const { count } = await ctx.db.session.updateMany({
    where: { identityId, active: true, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { active: false },
  });
  invalidateIdentitySessions(ctx.project.id, identityId);
  if (count) await audit(ctx, "identity.sessions.revoked", identityId, { count, ...(exceptId ? { except: exceptId } : {}) });
  return count;
}

export type ExtendResult = "extended" | "not_yet" | "not_found";

/**
 * Extends a session to a full lifespan from now, once less than `earliest_possible_extend` of it is left
 * (Kratos). Inactive or expired sessions are not found.
 */
export async function extendSession(ctx: ServiceContext, id: string): Promise<ExtendResult> {
  const session = await getSession(ctx, id);
  if (!session || !session.active || session.expiresAt <= ctx.now) return "not_found";
  const settings = sessionSettings(ctx.project);
  if (session.expiresAt.getTime() - ctx.now.getTime() > settings.earliestPossibleExtendMs) return "not_yet";
  await ctx.db.session.update({
    where: { projectId_id: { projectId: ctx.project.id, id } },
    data: { expiresAt: new Date(ctx.now.getTime() + settings.lifespanMs) },
  });
  invalidateSession(ctx.project.id, id);
  await audit(ctx, "session.extended", id);
  return "extended";
}

const AAL_RANK: Record<Aal, number> = { aal1: 1, aal2: 2, aal3: 3 };

/**
 * Records a further completed authentication on a session (re-authentication with `refresh=true`, or a
 * second factor): appends the method, raises the AAL when higher, and moves `authenticated_at` to now.
 */
export async function addAuthenticationMethod(ctx: ServiceContext, sessionId: string, method: string, aal: Aal, provider?: string): Promise<SessionRecord | undefined> {
  const session = await getSession(ctx, sessionId);
  if (!session || !session.active) return undefined;
  const entry: AuthenticationMethod = { method, aal, completed_at: ctx.now.toISOString(), ...(provider ? { provider } : {}) };
  const current = (session.aal in AAL_RANK ? session.aal : "aal1") as Aal;
  const updated = await ctx.db.session.update({
    where: { projectId_id: { projectId: ctx.project.id, id: sessionId } },
    data: {
      authenticationMethods: [...methodsOf(session), entry] as object[],
      aal: AAL_RANK[aal] > AAL_RANK[current] ? aal : current,
      authenticatedAt: ctx.now,
    },
  });
  invalidateSession(ctx.project.id, sessionId);
  return updated;
}

/** Whether the session was authenticated recently enough for privileged changes (`privileged_session_max_age`). */
export function isPrivileged(session: Pick<SessionRecord, "authenticatedAt">, project: Parameters<typeof sessionSettings>[0], now: Date): boolean {
  return now.getTime() - session.authenticatedAt.getTime() <= sessionSettings(project).privilegedMaxAgeMs;
}
