import { requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { notFound } from "@/lib/core/errors";
import { isUuid } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";
import type { AuditScope } from "./list";

export interface DailyCount {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  count: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function scopeWorkspace(scope: AuditScope): Promise<string | undefined> {
  if ("workspaceId" in scope) return isUuid(scope.workspaceId) ? scope.workspaceId : undefined;
  if (!isUuid(scope.projectId)) return undefined;
  const db = await platformDb();
  const project = await db.project.findUnique({ where: { id: scope.projectId }, select: { workspaceId: true, state: true } });
  return project && project.state !== "deleted" ? project.workspaceId : undefined;
}

/** Audit events per UTC day over the last `days` days (today included), zero-filled, oldest first. */
export async function countAuditEventsPerDay(access: ConsoleAccess, scope: AuditScope, days = 14, now = new Date()): Promise<DailyCount[]> {
  const workspaceId = await scopeWorkspace(scope);
  if (!workspaceId || !access.roles.has(workspaceId)) throw notFound("The requested audit log does not exist.");
  requireWorkspace(access, workspaceId, "read");
  const span = Math.min(Math.max(Math.trunc(days), 1), 90);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (span - 1) * DAY_MS);
  const db = await platformDb();
  const rows = await db.auditEvent.findMany({
    where: { ...("projectId" in scope ? { projectId: scope.projectId } : { workspaceId }), createdAt: { gte: since } },
    select: { createdAt: true },
  });
  const counts = new Map<string, number>();
  for (const row of rows) {
    const day = row.createdAt.toISOString().slice(0, 10);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return Array.from({ length: span }, (_, i) => {
    const day = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    return { day, count: counts.get(day) ?? 0 };
  });
}
