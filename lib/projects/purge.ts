import { recordAudit } from "@/lib/audit";
import { projectDb } from "@/lib/db";
import { auditActor, type ConsoleAccess } from "@/lib/access";
import { invalidateProject } from "./lookup";
import { loadProject } from "./records";

/**
 * Deletes a project (Ory's `purgeProject`): the project turns `deleted` and 404s everywhere at once, its API
 * keys are removed. The slug stays taken, so old project URLs can never point at someone else's project.
 */
export async function purgeProject(access: ConsoleAccess, idOrSlug: string): Promise<void> {
  const row = await loadProject(access, idOrSlug, "manage");
  const db = await projectDb(row.id);
  await db.$transaction(async (tx) => {
    await tx.project.updateMany({ where: { id: row.id, state: { not: "deleted" } }, data: { state: "deleted" } });
    const keys = await tx.projectApiKey.deleteMany({ where: { projectId: row.id } });
    await recordAudit(tx, {
      ...auditActor(access), workspaceId: row.workspaceId, projectId: row.id, action: "project.deleted", targetType: "project", targetId: row.id,
      data: { slug: row.slug, name: row.name, revoked_api_keys: keys.count },
    });
  });
  // Every project request resolves the project first, so its keys stop working the moment the lookup is
  // invalidated (other instances within the lookup cache TTL); lib/projects stays below lib/apikeys.
  invalidateProject(row.slug);
}
