import { platformDb } from "@/lib/db";
import type { WorkspaceRole } from "@/lib/db/generated/client";
import type { ConsoleAccess } from "@/lib/access";
import { loadProject } from "./records";

export interface ProjectMember {
  userId: string;
  email: string;
  name: string;
  role: WorkspaceRole;
  /** Access comes through workspace membership (there are no project-only members yet). */
  source: "workspace";
  since: Date;
}

/** Everyone with access to a project: the members of its workspace. */
export async function listProjectMembers(access: ConsoleAccess, idOrSlug: string): Promise<ProjectMember[]> {
  const project = await loadProject(access, idOrSlug, "read");
  const db = await platformDb();
  const members = await db.workspaceMember.findMany({
    where: { workspaceId: project.workspaceId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  });
  return members.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, source: "workspace", since: m.createdAt }));
}
