import { courierSettings } from "@/lib/courier";
import { conflict, notFound } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import type { Db } from "@/lib/db";
import type { WorkspaceRole } from "@/lib/db/generated/client";
import type { ProjectRecord } from "@/lib/projects/lookup";
import type { ConsoleAccess } from "@/lib/access";
import { queueInvitationEmail } from "./email";
import { INVITE_TTL_MS, type InviteDelivery } from "./schema";
import { inviteLink, newInviteToken } from "./token";

export type InviteTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** What the inviter sees once: the link works without email too (no SMTP configured, a spam filter, …). */
export interface IssuedInvite {
  id: string;
  email: string;
  role: WorkspaceRole;
  expiresAt: Date;
  /** `{origin}/console/invite/{token}`: in this response and the email only, never stored. */
  link: string;
  /** No SMTP server is configured for the console's mail: the email waits in the queue, the link is the way in. */
  emailHeld: boolean;
}

/**
 * Serializes invitation writes per workspace (a row lock on the workspace), so "one pending invitation per email"
 * holds under concurrent requests; returns the workspace name for the email.
 */
export async function lockWorkspace(tx: InviteTx, workspaceId: string): Promise<string> {
  const rows = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`;
  if (!rows[0]) throw notFound("The requested workspace does not exist.", { id: "workspace_not_found" });
  return rows[0].name;
}

/** How the email names the inviter: their name, else their email (a workspace API key by its own name). */
export async function inviterLabel(tx: InviteTx, access: ConsoleAccess): Promise<{ id: string | null; label: string }> {
  if (access.actor.type !== "user") return { id: null, label: "API key" };
  const user = await tx.user.findUnique({ where: { id: access.actor.id }, select: { name: true, email: true } });
  return { id: access.actor.id, label: user?.name || user?.email || access.actor.email };
}

export async function assertNotMemberYet(tx: InviteTx, workspaceId: string, email: string): Promise<void> {
  if (await tx.workspaceMember.findFirst({ where: { workspaceId, user: { email } }, select: { userId: true } })) {
    throw conflict("This person is already a member of the workspace.", { id: "already_member" });
  }
}

/** A fresh token, expiry and email for an invitation row (new or resent), written with the caller's transaction. */
export async function sendInvitation(
  tx: InviteTx,
  platform: ProjectRecord,
  invite: { id: string; email: string; role: WorkspaceRole; workspace: string; inviter: string },
  delivery: InviteDelivery & { origin: string },
  now: Date,
): Promise<IssuedInvite & { tokenHash: string; courierMessageId: string }> {
  const { token, hash } = newInviteToken();
  const link = inviteLink(delivery.origin, token);
  const courierMessageId = await queueInvitationEmail(tx, platform, {
    recipient: invite.email, workspace: invite.workspace, inviter: invite.inviter, role: invite.role, link, locale: delivery.locale,
  }, now);
  const emailHeld = !courierSettings(platform.config).connectionUri;
  return { id: invite.id, email: invite.email, role: invite.role, expiresAt: new Date(now.getTime() + INVITE_TTL_MS), link, emailHeld, tokenHash: hash, courierMessageId };
}

export const newInviteId = newId;
