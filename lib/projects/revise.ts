import { isDeepStrictEqual } from "node:util";
import { recordAudit } from "@/lib/audit";
import { conflict } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { projectDb } from "@/lib/db";
import type { Project } from "@/lib/db/generated/client";
import { auditActor, type ConsoleAccess } from "@/lib/access";
import { configJson, readStoredConfig, type ProjectConfig } from "./config-schema";
import { invalidateProject } from "./lookup";
import { toView, type ProjectView } from "./records";

/** Ory's `Warning`: a part of the submitted configuration that was not applied. */
export interface ProjectWarning {
  code: number;
  message: string;
}

export interface ProjectUpdate {
  project: ProjectView;
  warnings: ProjectWarning[];
}

export interface Revision {
  name: string;
  config: ProjectConfig;
}

/**
 * Writes a new revision of a project: bumps `revision`, snapshots the config into `project_revisions` and
 * records the audit event, all in one transaction. Optimistic: a concurrent writer makes this a 409.
 * An unchanged project is returned as is, without a new revision.
 */
export async function reviseProject(access: ConsoleAccess, row: Project, next: Revision, action: string, data: Record<string, unknown> = {}): Promise<ProjectView> {
  if (next.name === row.name && isDeepStrictEqual(next.config, readStoredConfig(row.config))) return toView(row);
  const db = await projectDb(row.id);
  const revision = row.revision + 1;
  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.project.updateMany({
      where: { id: row.id, revision: row.revision, state: { not: "deleted" } },
      data: { name: next.name, config: configJson(next.config), revision },
    });
    if (count === 0) throw conflict("The project was changed at the same time; reload it and try again.", { id: "revision_conflict" });
    await tx.projectRevision.create({ data: { projectId: row.id, revision, id: newId(), config: configJson(next.config), actor: access.actor.id } });
    await recordAudit(tx, {
      ...auditActor(access), workspaceId: row.workspaceId, projectId: row.id, action, targetType: "project", targetId: row.id,
      data: { revision, ...data },
    });
    return tx.project.findUniqueOrThrow({ where: { id: row.id } });
  });
  invalidateProject(row.slug);
  return toView(updated);
}
