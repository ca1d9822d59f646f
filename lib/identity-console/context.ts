import { requireWorkspace, type ConsoleAccess, type WorkspacePermission } from "@/lib/access";
import { notFound } from "@/lib/core/errors";
import { projectDb } from "@/lib/db";
import type { ServiceContext } from "@/lib/identity";
import { getProject } from "@/lib/projects";
import { findProjectBySlug } from "@/lib/projects/lookup";

/**
 * A ServiceContext for the console acting on one project: the console access must see the project
 * (else 404, tenants stay invisible) and hold `permission` in its workspace (else 403). The actor is the
 * console user or workspace key, so audit events name who did it.
 */
export async function consoleServiceContext(access: ConsoleAccess, projectId: string, permission: WorkspacePermission = "read"): Promise<ServiceContext> {
  const view = await getProject(access, projectId);
  requireWorkspace(access, view.workspaceId, permission, "project");
  const project = await findProjectBySlug(view.slug);
  if (!project) throw notFound("The requested project does not exist.", { id: "project_not_found" });
  const actor = access.actor.type === "user" ? { type: "user", id: access.actor.id } : { type: "workspace_api_key", id: access.actor.id };
  return {
    project,
    db: await projectDb(project.id),
    now: new Date(),
    actor,
    request: { ip: access.ip ?? "", header: () => undefined, origin: access.origin },
  };
}
