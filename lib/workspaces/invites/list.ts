import { requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { preparePlatform } from "@/lib/console/bootstrap";
import { courierSettings } from "@/lib/courier";
import { platformDb, projectDb } from "@/lib/db";
import type { WorkspaceRole } from "@/lib/db/generated/client";

/**
 * Where the invitation email is: sent, queued (SMTP configured, not yet delivered), held (no SMTP server: it stays
 * in the queue, so the link shown to the inviter is the way in), failed (retries used up) or unknown.
 */
export type InviteEmailStatus = "sent" | "queued" | "held" | "failed" | "unknown";

export interface WorkspaceInviteView {
  id: string;
  email: string;
  role: WorkspaceRole;
  invitedBy: { name: string; email: string } | null;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
  emailStatus: InviteEmailStatus;
}

/** The workspace's pending invitations (expired ones included, to resend or revoke), newest first. Every member may read them. */
export async function listWorkspaceInvites(access: ConsoleAccess, workspaceId: string, now = new Date()): Promise<WorkspaceInviteView[]> {
  requireWorkspace(access, workspaceId, "read");
  const rows = await (await platformDb()).workspaceInvite.findMany({
    where: { workspaceId, state: "pending" },
    include: { invitedBy: { select: { name: true, email: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  const statuses = await emailStatuses(rows.map((r) => r.courierMessageId).filter((id): id is string => Boolean(id)));
  return rows.map((r) => ({
    id: r.id, email: r.email, role: r.role, invitedBy: r.invitedBy, createdAt: r.createdAt, expiresAt: r.expiresAt,
    expired: r.expiresAt <= now, emailStatus: (r.courierMessageId && statuses.get(r.courierMessageId)) || "unknown",
  }));
}

async function emailStatuses(messageIds: string[]): Promise<Map<string, InviteEmailStatus>> {
  if (messageIds.length === 0) return new Map();
  const platform = await preparePlatform();
  const smtp = Boolean(courierSettings(platform.config).connectionUri);
  const messages = await (await projectDb(platform.id)).courierMessage.findMany({ where: { id: { in: messageIds } }, select: { id: true, status: true } });
  const status = (s: string): InviteEmailStatus => (s === "sent" ? "sent" : s === "abandoned" ? "failed" : smtp ? "queued" : "held");
  return new Map(messages.map((m) => [m.id, status(m.status)]));
}
