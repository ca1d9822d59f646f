import type { ConsoleAccess } from "@/lib/access";
import { projectDb } from "@/lib/db";
import { loadProject } from "@/lib/projects/records";
import type { PermissionContext } from "@/lib/permissions/service/context";

/** A permission service context for a console user: reads need the project's `read`, writes its `write`. */
export async function contextFor(access: ConsoleAccess, projectId: string, permission: "read" | "write"): Promise<PermissionContext> {
  const project = await loadProject(access, projectId, permission);
  return {
    project: { id: project.id, workspaceId: project.workspaceId, config: project.config },
    db: await projectDb(project.id),
    actor: access.actor,
    request: { ip: access.ip ?? "" },
  };
}
