import { projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import type { ServiceContext } from "./context";

/** A service context for a project by slug, as a system actor (tests, benchmarks, scripts). */
export async function systemContext(slug: string, ip = "127.0.0.1"): Promise<ServiceContext> {
  const project = await findProjectBySlug(slug);
  if (!project) throw new Error(`Unknown project ${slug}`);
  return {
    project,
    db: await projectDb(project.id),
    now: new Date(),
    actor: { type: "system", id: "portcullis" },
    request: { ip, header: () => undefined },
  };
}
