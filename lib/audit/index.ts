import { newId } from "@/lib/core/ids";
import type { Prisma } from "@/lib/db/generated/client";

export interface AuditInput {
  workspaceId?: string | null;
  projectId?: string | null;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
  ip?: string;
}

/** Anything that can create an audit row: the platform client, a project-scoped client, or their transactions. */
type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): PromiseLike<unknown> } };

/** Records an audit event; pass the transaction client so the event commits with the change it describes. */
export async function recordAudit(db: AuditWriter, input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      id: newId(),
      workspaceId: input.workspaceId ?? null,
      projectId: input.projectId ?? null,
      actorType: input.actorType,
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      data: (input.data ?? {}) as object,
      ip: input.ip ?? "",
    },
  });
}

export { listAuditEvents, type AuditEventView, type AuditScope, type AuditPageRequest } from "./list";
