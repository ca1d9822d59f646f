import { recordAudit } from "@/lib/audit";
import { conflict, forbidden } from "@/lib/core/errors";
import type { Db } from "@/lib/db";
import type { WorkspaceInvite } from "@/lib/db/generated/client";
import { invitationStatus, unusableInvitation } from "./lookup";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The accepting half of an invitation, inside the caller's transaction: the invitation must be pending and
 * unexpired and addressed to `email`; it becomes accepted (a conditional update, so of two concurrent acceptances
 * one wins and the other sees it used) together with the membership and the audit event.
 */
export async function claimInvitation(tx: Tx, tokenHash: string, user: { id: string; email: string }, meta: { ip?: string }, now: Date): Promise<WorkspaceInvite> {
  const invite = await tx.workspaceInvite.findUnique({ where: { tokenHash } });
  if (!invite) throw unusableInvitation("not_found");
  const status = invitationStatus(invite, now);
  if (status !== "pending") throw unusableInvitation(status);
  if (user.email.trim().toLowerCase() !== invite.email) {
    throw forbidden("This invitation was sent to another email address.", { id: "invite_email_mismatch", details: { invited: invite.email } });
  }
  if (await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId: user.id } } })) {
    throw conflict("You are already a member of this workspace.", { id: "already_member" });
  }
  const { count } = await tx.workspaceInvite.updateMany({
    where: { id: invite.id, state: "pending", expiresAt: { gt: now } },
    data: { state: "accepted", acceptedAt: now, acceptedById: user.id },
  });
  if (count !== 1) throw unusableInvitation("accepted");
  await tx.workspaceMember.create({ data: { workspaceId: invite.workspaceId, userId: user.id, role: invite.role } });
  await recordAudit(tx, {
    workspaceId: invite.workspaceId, actorType: "user", actorId: user.id, ip: meta.ip,
    action: "workspace.invite.accepted", targetType: "workspace_invite", targetId: invite.id, data: { email: invite.email, role: invite.role },
  });
  return invite;
}
