import { recordAudit } from "@/lib/audit";
import { auditActor, type ServiceContext } from "./context";
import type { IdentityTx } from "./store/tx";

/** Audit event for an identity, credential or session change, written in the transaction that made it. */
export function auditIdentityEvent(
  tx: IdentityTx, ctx: ServiceContext, action: string, target: { type: "identity" | "session"; id: string }, data: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(tx, {
    workspaceId: ctx.project.workspaceId,
    projectId: ctx.project.id,
    ...auditActor(ctx),
    action,
    targetType: target.type,
    targetId: target.id,
    data,
  });
}
