import { AppError, notFound } from "@/lib/core/errors";
import { platformDb } from "@/lib/db";
import type { WorkspaceInvite, WorkspaceRole } from "@/lib/db/generated/client";
import { inviteTokenHash } from "./token";

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** What the invitation page shows to whoever holds the link. */
export interface InvitationView {
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: WorkspaceRole;
  inviter: string;
  expiresAt: Date;
  status: InvitationStatus;
  /** The console user who accepted it, when accepted. */
  acceptedById: string | null;
}

export function invitationStatus(invite: Pick<WorkspaceInvite, "state" | "expiresAt">, now: Date): InvitationStatus {
  if (invite.state !== "pending") return invite.state;
  return invite.expiresAt <= now ? "expired" : "pending";
}

/** The invitation a link's token opens, or undefined for a token that is not (or no longer) any invitation's. */
export async function findInvitation(token: unknown, now = new Date()): Promise<InvitationView | undefined> {
  const tokenHash = inviteTokenHash(token);
  if (!tokenHash) return undefined;
  const invite = await (await platformDb()).workspaceInvite.findUnique({
    where: { tokenHash },
    include: { workspace: { select: { name: true } }, invitedBy: { select: { name: true, email: true } } },
  });
  if (!invite) return undefined;
  return {
    workspaceId: invite.workspaceId, workspaceName: invite.workspace.name, email: invite.email, role: invite.role,
    inviter: invite.invitedBy?.name || invite.invitedBy?.email || "", expiresAt: invite.expiresAt,
    status: invitationStatus(invite, now), acceptedById: invite.acceptedById,
  };
}

/** The error for a link that cannot be accepted (the page names the reason; ids: invite_{status}). */
export function unusableInvitation(status: Exclude<InvitationStatus, "pending"> | "not_found"): AppError {
  if (status === "not_found") return notFound("This invitation link is not valid.", { id: "invite_not_found" });
  const reason = { accepted: "has been used already", revoked: "was revoked", expired: "has expired" }[status];
  return new AppError("gone", `This invitation ${reason}.`, { id: `invite_${status}` });
}
