import { platformDb } from "@/lib/db";
import { requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { loadProject, toSummary, toView, type ProjectSummary, type ProjectView } from "./records";

/** One project (by id or slug) the access may read; 404 when it does not exist for this actor. */
export async function getProject(access: ConsoleAccess, idOrSlug: string): Promise<ProjectView> {
  return toView(await loadProject(access, idOrSlug, "read"));
}

/** Every live project in the workspaces the access can read, newest first. */
export async function listProjects(access: ConsoleAccess): Promise<ProjectSummary[]> {
  const db = await platformDb();
  const rows = await db.project.findMany({
    where: { workspaceId: { in: [...access.roles.keys()] }, state: { not: "deleted" } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toSummary);
}

/** The live projects of one workspace, newest first. */
export async function listWorkspaceProjects(access: ConsoleAccess, workspaceId: string): Promise<ProjectSummary[]> {
  requireWorkspace(access, workspaceId, "read");
  const db = await platformDb();
  const rows = await db.project.findMany({
    where: { workspaceId, state: { not: "deleted" } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toSummary);
}
