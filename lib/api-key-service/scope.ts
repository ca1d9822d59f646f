import { recordAudit } from "@/lib/audit";
import type { ProjectDb } from "@/lib/db";

/** What the service needs of a request (lib/http's ProjectContext fits): the project's own data only. */
export interface ServiceScope {
  project: { id: string; workspaceId?: string | null };
  db: ProjectDb;
  now: Date;
  actor: { type: string; id?: string };
  request?: { ip: string };
}

type AuditWriter = Parameters<typeof recordAudit>[0];

/** One audit event per credential change (create, import, rotate, revoke, update, delete), in the change's transaction. */
export function auditKeyChange(scope: ServiceScope, db: AuditWriter, action: string, keyId: string, data: Record<string, unknown> = {}) {
  return recordAudit(db, {
    projectId: scope.project.id,
    workspaceId: scope.project.workspaceId ?? null,
    actorType: scope.actor.type,
    actorId: scope.actor.id ?? "",
    action: `api_key.${action}`,
    targetType: "api_key",
    targetId: keyId,
    data,
    ip: scope.request?.ip ?? "",
  });
}
