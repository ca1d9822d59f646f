import { auditActor, requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { preparePlatform } from "@/lib/console/bootstrap";
import { notFound } from "@/lib/core/errors";
import { isUuid } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";
import { enforceRateLimit } from "@/lib/ratelimit";
import { assertMayAssign } from "../members";
import { assertNotMemberYet, inviterLabel, lockWorkspace, sendInvitation, type InviteTx, type IssuedInvite } from "./issue";
import { inviteDeliverySchema, type InviteDelivery } from "./schema";

const inviteNotFound = () => notFound("The invitation does not exist or is no longer pending.", { id: "invite_not_found" });

/**
 * A pending invitation of this workspace (ids of other workspaces are not found), row-locked so that an
 * acceptance running at the same time either finishes first (then it is no longer pending) or waits.
 */
async function pendingInvite(tx: InviteTx, workspaceId: string, inviteId: string) {
  if (!isUuid(inviteId)) throw inviteNotFound();
  await tx.$queryRaw`SELECT 1 FROM workspace_invites WHERE id = ${inviteId}::uuid AND workspace_id = ${workspaceId}::uuid FOR UPDATE`;
  const invite = await tx.workspaceInvite.findFirst({ where: { id: inviteId, workspaceId, state: "pending" } });
  if (!invite) throw inviteNotFound();
  return invite;
}

/**
 * Sends a pending (or expired) invitation again with a new token and a new 7-day expiry: the previous link stops
 * working, since only the new token's digest is kept. Counted by the same rate limit as new invitations.
 */
export async function resendWorkspaceInvite(access: ConsoleAccess, workspaceId: string, inviteId: string, rawDelivery: InviteDelivery): Promise<IssuedInvite> {
  const delivery = inviteDeliverySchema.parse(rawDelivery);
  const callerRole = requireWorkspace(access, workspaceId, "manage");
  const platform = await preparePlatform();
  await enforceRateLimit({ projectId: platform.id, rule: "invite:workspace", subject: workspaceId });
  const db = await platformDb();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const workspace = await lockWorkspace(tx, workspaceId);
    const invite = await pendingInvite(tx, workspaceId, inviteId);
    assertMayAssign(callerRole, invite.role);
    await assertNotMemberYet(tx, workspaceId, invite.email);
    const inviter = await inviterLabel(tx, access);
    const sent = await sendInvitation(tx, platform, { id: invite.id, email: invite.email, role: invite.role, workspace, inviter: inviter.label }, delivery, now);
    await tx.workspaceInvite.update({
      where: { id: invite.id },
      data: { tokenHash: sent.tokenHash, expiresAt: sent.expiresAt, courierMessageId: sent.courierMessageId, invitedById: inviter.id ?? invite.invitedById },
    });
    await recordAudit(tx, { ...auditActor(access), workspaceId, action: "workspace.invite.resent", targetType: "workspace_invite", targetId: invite.id, data: { email: invite.email, role: invite.role } });
    return { id: invite.id, email: sent.email, role: sent.role, expiresAt: sent.expiresAt, link: sent.link, emailHeld: sent.emailHeld };
  });
}

/** Revokes a pending invitation: its link is refused from now on. Only owners revoke invitations to the owner role. */
export async function revokeWorkspaceInvite(access: ConsoleAccess, workspaceId: string, inviteId: string): Promise<void> {
  const callerRole = requireWorkspace(access, workspaceId, "manage");
  const db = await platformDb();
  await db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const invite = await pendingInvite(tx, workspaceId, inviteId);
    assertMayAssign(callerRole, invite.role);
    await tx.workspaceInvite.update({ where: { id: invite.id }, data: { state: "revoked", revokedAt: new Date() } });
    await recordAudit(tx, { ...auditActor(access), workspaceId, action: "workspace.invite.revoked", targetType: "workspace_invite", targetId: invite.id, data: { email: invite.email, role: invite.role } });
  });
}
