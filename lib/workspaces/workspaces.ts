import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";
import { auditActor, requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { forbidden } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { decodePageToken, toPage, type Page } from "@/lib/core/page-token";
import { platformDb } from "@/lib/db";
import type { WorkspaceRole } from "@/lib/db/generated/client";

export interface WorkspaceView {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  /** The caller's role in it. */
  role: WorkspaceRole;
}

export const workspaceNameSchema = storableString().trim().min(1, "The workspace name must not be empty.").max(100);
export const createWorkspaceInputSchema = z.object({ name: workspaceNameSchema });
export const updateWorkspaceInputSchema = z.object({ name: workspaceNameSchema });
export type CreateWorkspaceInput = z.input<typeof createWorkspaceInputSchema>;
export type UpdateWorkspaceInput = z.input<typeof updateWorkspaceInputSchema>;

export interface PageRequest {
  pageSize?: number;
  pageToken?: string;
}

const view = (row: { id: string; name: string; createdAt: Date; updatedAt: Date }, access: ConsoleAccess): WorkspaceView => ({
  id: row.id, name: row.name, createdAt: row.createdAt, updatedAt: row.updatedAt, role: access.roles.get(row.id) ?? "viewer",
});

/** The workspaces the caller belongs to (a workspace key: its own), oldest first, keyset-paginated. */
export async function listWorkspacesForUser(access: ConsoleAccess, page: PageRequest = {}): Promise<Page<WorkspaceView>> {
  const pageSize = page.pageSize ?? 250;
  const cursor = decodePageToken(page.pageToken);
  const db = await platformDb();
  const rows = await db.workspace.findMany({
    where: {
      id: { in: [...access.roles.keys()] },
      ...(cursor ? { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: pageSize + 1,
  });
  const result = toPage(rows, pageSize, (row) => ({ at: row.createdAt, id: row.id }));
  return { ...result, items: result.items.map((row) => view(row, access)) };
}

export async function getWorkspace(access: ConsoleAccess, workspaceId: string): Promise<WorkspaceView> {
  requireWorkspace(access, workspaceId, "read");
  const db = await platformDb();
  return view(await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }), access);
}

/** A signed-in user creates a workspace and becomes its owner. Workspace keys cannot create workspaces. */
export async function createWorkspace(access: ConsoleAccess, raw: CreateWorkspaceInput): Promise<WorkspaceView> {
  const input = createWorkspaceInputSchema.parse(raw);
  if (access.actor.type !== "user") throw forbidden("A workspace API key cannot create workspaces; sign in as a user.");
  const userId = access.actor.id;
  const id = newId();
  const db = await platformDb();
  const row = await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({ data: { id, name: input.name } });
    await tx.workspaceMember.create({ data: { workspaceId: id, userId, role: "owner" } });
    await recordAudit(tx, { ...auditActor(access), workspaceId: id, action: "workspace.created", targetType: "workspace", targetId: id, data: { name: input.name } });
    return workspace;
  });
  return { ...view(row, access), role: "owner" };
}

export async function updateWorkspace(access: ConsoleAccess, workspaceId: string, raw: UpdateWorkspaceInput): Promise<WorkspaceView> {
  const input = updateWorkspaceInputSchema.parse(raw);
  requireWorkspace(access, workspaceId, "manage");
  const db = await platformDb();
  const row = await db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    const updated = await tx.workspace.update({ where: { id: workspaceId }, data: { name: input.name } });
    await recordAudit(tx, {
      ...auditActor(access), workspaceId, action: "workspace.updated", targetType: "workspace", targetId: workspaceId,
      data: { name: { from: before.name, to: input.name } },
    });
    return updated;
  });
  return view(row, access);
}
