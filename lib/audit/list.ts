import { requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { notFound } from "@/lib/core/errors";
import { isUuid } from "@/lib/core/ids";
import { decodePageToken, toPage, type Page } from "@/lib/core/page-token";
import { platformDb } from "@/lib/db";
import { resolveAuditActors, type AuditActorView } from "./actors";

export interface AuditEventView {
  id: string;
  workspaceId: string | null;
  projectId: string | null;
  actorType: string;
  actorId: string;
  /** A readable actor: the user's email, or the key/system id. */
  actorLabel: string;
  actor: AuditActorView;
  action: string;
  targetType: string;
  targetId: string;
  data: unknown;
  ip: string;
  createdAt: Date;
}

export type AuditScope = { workspaceId: string } | { projectId: string };

export interface AuditPageRequest {
  pageSize?: number;
  pageToken?: string;
}

async function workspaceOfScope(scope: AuditScope): Promise<string | undefined> {
  if ("workspaceId" in scope) return scope.workspaceId;
  if (!isUuid(scope.projectId)) return undefined;
  const db = await platformDb();
  const project = await db.project.findUnique({ where: { id: scope.projectId }, select: { workspaceId: true, state: true } });
  return project && project.state !== "deleted" ? project.workspaceId : undefined;
}

/** Audit events of a workspace (including its projects') or of one project, newest first. */
export async function listAuditEvents(access: ConsoleAccess, scope: AuditScope, page: AuditPageRequest = {}): Promise<Page<AuditEventView>> {
  const workspaceId = await workspaceOfScope(scope);
  if (!workspaceId || !access.roles.has(workspaceId)) throw notFound("The requested audit log does not exist.");
  requireWorkspace(access, workspaceId, "read");
  const pageSize = Math.min(Math.max(page.pageSize ?? 50, 1), 500);
  const cursor = decodePageToken(page.pageToken);
  const db = await platformDb();
  const rows = await db.auditEvent.findMany({
    where: {
      ...("projectId" in scope ? { projectId: scope.projectId } : { workspaceId }),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
  });
  const result = toPage(rows, pageSize, (row) => ({ at: row.createdAt, id: row.id }));
  const actorOf = await resolveAuditActors(result.items);
  return {
    ...result,
    items: result.items.map((e) => {
      const actor = actorOf(e);
      return { ...e, actor, actorLabel: actor.email ?? (actor.name || e.actorId) };
    }),
  };
}
