import { auditActor, requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { preparePlatform } from "@/lib/console/bootstrap";
import { conflict } from "@/lib/core/errors";
import { platformDb } from "@/lib/db";
import { enforceRateLimit } from "@/lib/ratelimit";
import { assertMayAssign } from "../members";
import { assertNotMemberYet, inviterLabel, lockWorkspace, newInviteId, sendInvitation, type IssuedInvite } from "./issue";
import { inviteDeliverySchema, inviteInputSchema, type InviteDelivery, type InviteInput } from "./schema";

/**
 * Invites someone by email (owners and admins; only owners invite owners). The invitation row, its audit event
 * and the email in the platform project's courier commit together. Counted per workspace by the
 * `invite:workspace` rate limit. One pending, unexpired invitation per email and workspace (resend it instead).
 */
export async function createWorkspaceInvite(access: ConsoleAccess, workspaceId: string, raw: InviteInput, rawDelivery: InviteDelivery): Promise<IssuedInvite> {
  const input = inviteInputSchema.parse(raw);
  const delivery = inviteDeliverySchema.parse(rawDelivery);
  assertMayAssign(requireWorkspace(access, workspaceId, "manage"), input.role);
  const platform = await preparePlatform();
  await enforceRateLimit({ projectId: platform.id, rule: "invite:workspace", subject: workspaceId });
  const db = await platformDb();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const workspace = await lockWorkspace(tx, workspaceId);
    await assertNotMemberYet(tx, workspaceId, input.email);
    const pending = await tx.workspaceInvite.findFirst({ where: { workspaceId, email: input.email, state: "pending", expiresAt: { gt: now } }, select: { id: true } });
    if (pending) throw conflict("This email address has a pending invitation already; resend it instead.", { id: "already_invited" });
    const inviter = await inviterLabel(tx, access);
    const id = newInviteId();
    const sent = await sendInvitation(tx, platform, { id, email: input.email, role: input.role, workspace, inviter: inviter.label }, delivery, now);
    await tx.workspaceInvite.create({
      data: {
        id, workspaceId, email: input.email, role: input.role, tokenHash: sent.tokenHash, invitedById: inviter.id,
        courierMessageId: sent.courierMessageId, expiresAt: sent.expiresAt, createdAt: now,
      },
    });
    await recordAudit(tx, { ...auditActor(access), workspaceId, action: "workspace.invite.created", targetType: "workspace_invite", targetId: id, data: { email: input.email, role: input.role } });
    return { id, email: sent.email, role: sent.role, expiresAt: sent.expiresAt, link: sent.link, emailHeld: sent.emailHeld };
  });
}
