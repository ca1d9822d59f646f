import { z } from "zod";
import { auditActor, requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { conflict, forbidden, notFound } from "@/lib/core/errors";
import { isUuid } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";
import type { Prisma, WorkspaceRole } from "@/lib/db/generated/client";

export interface WorkspaceMemberView {
  userId: string;
  email: string;
  name: string;
  role: WorkspaceRole;
  since: Date;
}

export const workspaceRoleSchema = z.enum(["owner", "admin", "developer", "viewer"]);
export const addMemberInputSchema = z.object({ email: z.string().trim().toLowerCase().email().max(320), role: workspaceRoleSchema });
export type AddMemberInput = z.input<typeof addMemberInputSchema>;

export async function listWorkspaceMembers(access: ConsoleAccess, workspaceId: string): Promise<WorkspaceMemberView[]> {
  requireWorkspace(access, workspaceId, "read");
  const db = await platformDb();
  const rows = await db.workspaceMember.findMany({
    where: { workspaceId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  });
  return rows.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, since: m.createdAt }));
}

/** Only owners hand out or take away the owner role. */
export function assertMayAssign(callerRole: WorkspaceRole, ...roles: WorkspaceRole[]): void {
  if (roles.includes("owner") && callerRole !== "owner") throw forbidden("Only an owner can grant or change the owner role.");
}

async function assertOwnerRemains(tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  if ((await tx.workspaceMember.count({ where: { workspaceId, role: "owner" } })) === 0) {
    throw conflict("A workspace keeps at least one owner.", { id: "last_owner" });
  }
}

/** Adds an existing console user to the workspace. */
export async function addWorkspaceMember(access: ConsoleAccess, workspaceId: string, raw: AddMemberInput): Promise<WorkspaceMemberView> {
  const input = addMemberInputSchema.parse(raw);
  assertMayAssign(requireWorkspace(access, workspaceId, "manage"), input.role);
  const db = await platformDb();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email } });
    if (!user) throw notFound("There is no user with this email address.", { id: "user_not_found" });
    if (await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId: user.id } } })) {
      throw conflict("This user is already a member of the workspace.", { id: "already_member" });
    }
    const member = await tx.workspaceMember.create({ data: { workspaceId, userId: user.id, role: input.role } });
    await recordAudit(tx, { ...auditActor(access), workspaceId, action: "workspace.member.added", targetType: "user", targetId: user.id, data: { email: user.email, role: input.role } });
    return { userId: user.id, email: user.email, name: user.name, role: member.role, since: member.createdAt };
  });
}

export async function updateWorkspaceMemberRole(access: ConsoleAccess, workspaceId: string, userId: string, rawRole: WorkspaceRole): Promise<void> {
  const role = workspaceRoleSchema.parse(rawRole);
  const callerRole = requireWorkspace(access, workspaceId, "manage");
  if (!isUuid(userId)) throw notFound("The member does not exist.", { id: "member_not_found" });
  const db = await platformDb();
  await db.$transaction(async (tx) => {
    const member = await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!member) throw notFound("The member does not exist.", { id: "member_not_found" });
    assertMayAssign(callerRole, role, member.role);
    await tx.workspaceMember.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
    await assertOwnerRemains(tx, workspaceId);
    await recordAudit(tx, { ...auditActor(access), workspaceId, action: "workspace.member.role_changed", targetType: "user", targetId: userId, data: { from: member.role, to: role } });
  });
}

export async function removeWorkspaceMember(access: ConsoleAccess, workspaceId: string, userId: string): Promise<void> {
  const callerRole = requireWorkspace(access, workspaceId, "manage");
  if (!isUuid(userId)) throw notFound("The member does not exist.", { id: "member_not_found" });
  const db = await platformDb();
  await db.$transaction(async (tx) => {
    const member = await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!member) throw notFound("The member does not exist.", { id: "member_not_found" });
    assertMayAssign(callerRole, member.role);
    await tx.workspaceMember.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    await assertOwnerRemains(tx, workspaceId);
    await recordAudit(tx, { ...auditActor(access), workspaceId, action: "workspace.member.removed", targetType: "user", targetId: userId, data: { role: member.role } });
  });
}
