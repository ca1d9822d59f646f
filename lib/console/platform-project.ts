import { recordAudit } from "@/lib/audit";
import { newId } from "@/lib/core/ids";
import { platformDb, projectDb, Prisma } from "@/lib/db";
import type { ServiceContext } from "@/lib/identity";
import { configJson } from "@/lib/projects/config-schema";
import { findProjectBySlug, invalidateProject, type ProjectRecord } from "@/lib/projects/lookup";
import { platformProjectConfig } from "./platform-config";

/**
 * The built-in platform project whose identities are the console's users (the console is a client of
 * Portcullis itself). Its slug is reserved (lib/projects/slug.ts), so no tenant can take it, and it belongs to
 * no workspace (the nil UUID; projects.workspace_id has no foreign key), so no workspace lists or edits it.
 */
export const PLATFORM_PROJECT_SLUG = "console";
export const PLATFORM_WORKSPACE_ID = "00000000-0000-0000-0000-000000000000";

export const isPlatformProject = (project: Pick<ProjectRecord, "slug" | "workspaceId">): boolean =>
  project.slug === PLATFORM_PROJECT_SLUG && project.workspaceId === PLATFORM_WORKSPACE_ID;

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Creates the platform project once (concurrent instances: the unique slug lets one win); returns it. */
export async function ensurePlatformProject(): Promise<ProjectRecord> {
  const existing = await findProjectBySlug(PLATFORM_PROJECT_SLUG);
  if (existing) return checked(existing);
  const db = await platformDb();
  const id = newId();
  const config = configJson(platformProjectConfig());
  try {
    await db.$transaction(async (tx) => {
      await tx.project.create({ data: { id, workspaceId: PLATFORM_WORKSPACE_ID, slug: PLATFORM_PROJECT_SLUG, name: "Portcullis console", environment: "prod", config } });
      await tx.projectRevision.create({ data: { projectId: id, revision: 1, id: newId(), config, actor: "system" } });
      await recordAudit(tx, { projectId: id, actorType: "system", actorId: "", action: "project.created", targetType: "project", targetId: id, data: { slug: PLATFORM_PROJECT_SLUG, platform: true } });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  invalidateProject(PLATFORM_PROJECT_SLUG);
  const created = await findProjectBySlug(PLATFORM_PROJECT_SLUG);
  if (!created) throw new Error("The platform project could not be created.");
  return checked(created);
}

function checked(project: ProjectRecord): ProjectRecord {
  // The slug was reserved from the start; a tenant project under it means a hand-edited database.
  if (!isPlatformProject(project)) throw new Error(`The project "${PLATFORM_PROJECT_SLUG}" is not the platform project.`);
  return project;
}

/** A service context on the platform project, for lib/identity and lib/sessions calls made by the console. */
export async function platformContext(project: ProjectRecord, request?: ServiceContext["request"]): Promise<ServiceContext> {
  return { project, db: await projectDb(project.id), now: new Date(), actor: { type: "system" }, request };
}
