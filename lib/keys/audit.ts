import { recordAudit } from "@/lib/audit";
import type { KeyScope } from "./store";

/** What admin operations need beyond the key scope: who acts, from where (lib/http's ProjectContext fits). */
export interface AuditedScope extends KeyScope {
  project: { id: string; workspaceId?: string };
  actor: { type: string; id?: string };
  request?: { ip: string };
}

/** Any client with the audit model: the platform client, a project-scoped client or its transaction. */
type AuditDb = { auditEvent: { create(args: { data: never }): PromiseLike<unknown> } };

/** Records an admin or credential change of a project; pass the transaction client when there is one. */
export async function auditChange(scope: AuditedScope, db: AuditDb, action: string, targetType: string, targetId: string, data: Record<string, unknown> = {}) {
  await recordAudit(db as unknown as Parameters<typeof recordAudit>[0], {
    projectId: scope.project.id,
    workspaceId: scope.project.workspaceId ?? null,
    actorType: scope.actor.type,
    actorId: scope.actor.id ?? "",
    action,
    targetType,
    targetId,
    data,
    ip: scope.request?.ip ?? "",
  });
}
