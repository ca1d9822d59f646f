import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { badRequest, conflict } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { Prisma, projectDb } from "@/lib/db";
import { auditActor, requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { configJson, projectNameSchema } from "./config-schema";
import { defaultProjectConfig } from "./default-config";
import { invalidateProject } from "./lookup";
import { toView, type ProjectView } from "./records";
import { slugCandidate, slugSchema } from "./slug";

export const createProjectInputSchema = z.object({
  name: projectNameSchema,
  environment: z.enum(["prod", "stage", "dev"]).default("dev"),
  /** Required when the actor can create projects in more than one workspace. */
  workspaceId: z.uuid().optional(),
  /** Generated from the name when absent. */
  slug: slugSchema.optional(),
});
export type CreateProjectInput = z.input<typeof createProjectInputSchema>;

function chooseWorkspace(access: ConsoleAccess, requested: string | undefined): string {
  if (requested) return requested.toLowerCase();
  const writable = [...access.roles.keys()];
  if (writable.length === 1) return writable[0];
  throw badRequest("Choose the workspace for the project (workspace_id).", { id: "workspace_required" });
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Creates a project with the default configuration as revision 1. */
export async function createProject(access: ConsoleAccess, raw: CreateProjectInput): Promise<ProjectView> {
  const input = createProjectInputSchema.parse(raw);
  const workspaceId = chooseWorkspace(access, input.workspaceId);
  requireWorkspace(access, workspaceId, "write");
  const id = newId();
  const config = defaultProjectConfig();
  const db = await projectDb(id);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = input.slug ?? slugCandidate(input.name);
    try {
      const row = await db.$transaction(async (tx) => {
        const project = await tx.project.create({
          data: { id, workspaceId, slug, name: input.name, environment: input.environment, revision: 1, config: configJson(config) },
        });
        await tx.projectRevision.create({ data: { projectId: id, revision: 1, id: newId(), config: configJson(config), actor: access.actor.id } });
        await recordAudit(tx, {
          ...auditActor(access), workspaceId, projectId: id, action: "project.created", targetType: "project", targetId: id,
          data: { name: input.name, slug, environment: input.environment },
        });
        return project;
      });
      invalidateProject(slug);
      return toView(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (input.slug) throw conflict(`The slug "${input.slug}" is taken.`, { id: "slug_taken" });
    }
  }
  throw conflict("Could not find a free slug for this project; please retry.");
}
