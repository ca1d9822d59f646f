import { cache } from "react";
import { getProject } from "@/lib/projects";
import { getWorkspace } from "@/lib/workspaces";
import { currentConsoleAccess } from "./console-auth";
import { loadOrNotFound } from "./domain-errors";

/**
 * The project a console page shows, with its workspace — loaded once per request and shared by the
 * project layout and its pages. Unknown projects and other tenants' projects are a 404.
 */
export const loadConsoleProject = cache(async (projectId: string) => {
  const access = await currentConsoleAccess();
  const project = await loadOrNotFound(() => getProject(access, projectId));
  const workspace = await loadOrNotFound(() => getWorkspace(access, project.workspaceId));
  return { access, project, workspace };
});
