import { platformDb } from "@/lib/db";
import { invalidateProject } from "@/lib/projects/lookup";
import { withOpl } from "../config";

/** Stores an OPL document in a project's config (tests and benchmarks; the console goes through lib/projects). */
export async function setProjectOpl(projectId: string, slug: string, opl: string, options: { strict?: boolean } = {}): Promise<void> {
  const db = await platformDb();
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { config: true } });
  await db.project.update({ where: { id: projectId }, data: { config: withOpl(project.config, opl, options.strict) as object } });
  invalidateProject(slug);
}
