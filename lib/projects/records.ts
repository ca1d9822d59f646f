import { notFound } from "@/lib/core/errors";
import { isUuid } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";
import type { Project, ProjectEnvironment, ProjectState } from "@/lib/db/generated/client";
import { requireWorkspace, type ConsoleAccess, type WorkspacePermission } from "@/lib/access";
import { readStoredConfig, type ProjectConfig } from "./config-schema";

export type { ProjectEnvironment, ProjectState };

/** A project as the console sees it. */
export interface ProjectView {
  id: string;
  workspaceId: string;
  slug: string;
  name: string;
  environment: ProjectEnvironment;
  state: ProjectState;
  /** Increments with every configuration change. */
  revision: number;
  /** Id of the current `project_revisions` row (Ory's `revision_id`). */
  revisionId: string;
  config: ProjectConfig;
  createdAt: Date;
  updatedAt: Date;
}

/** A project without its configuration, for lists (Ory's `projectMetadata`). */
export type ProjectSummary = Omit<ProjectView, "config" | "revisionId">;

export function toSummary(row: Project): ProjectSummary {
  return {
    id: row.id, workspaceId: row.workspaceId, slug: row.slug, name: row.name, environment: row.environment,
    state: row.state, revision: row.revision, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export async function toView(row: Project): Promise<ProjectView> {
  const db = await platformDb();
  const revision = await db.projectRevision.findUnique({
    where: { projectId_revision: { projectId: row.id, revision: row.revision } },
    select: { id: true },
  });
  return { ...toSummary(row), revisionId: revision?.id ?? row.id, config: readStoredConfig(row.config) };
}

/**
 * Loads a live project the access may act on, by id or slug. Deleted projects, unknown ids and projects of
 * workspaces the actor cannot see are all the same 404; a member lacking the permission gets 403.
 */
export async function loadProject(access: ConsoleAccess, idOrSlug: string, permission: WorkspacePermission): Promise<Project> {
  const db = await platformDb();
  const row = isUuid(idOrSlug)
    ? await db.project.findUnique({ where: { id: idOrSlug.toLowerCase() } })
    : await db.project.findUnique({ where: { slug: idOrSlug } });
  if (!row || row.state === "deleted" || !access.roles.has(row.workspaceId)) {
    throw notFound("The requested project does not exist.", { id: "project_not_found" });
  }
  requireWorkspace(access, row.workspaceId, permission, "project");
  return row;
}
