import { processGlobal } from "@/lib/core/process-global";
import { TtlCache } from "@/lib/core/ttl-cache";
import { platformDb } from "@/lib/db";
import type { Project } from "@/lib/db/generated/client";

export type ProjectRecord = Pick<Project, "id" | "workspaceId" | "slug" | "name" | "environment" | "state" | "revision" | "config">;

// Project rows are read on every project request; a short TTL bounds staleness across instances,
// and writes in this process invalidate immediately (one cache per process: processGlobal).
const bySlug = processGlobal("projects.by-slug", () => new TtlCache<string, ProjectRecord | null>(5_000, 5_000));

const select = { id: true, workspaceId: true, slug: true, name: true, environment: true, state: true, revision: true, config: true } as const;

/** Resolves a running project by slug; deleted or unknown projects resolve to undefined. */
export async function findProjectBySlug(slug: string): Promise<ProjectRecord | undefined> {
  const cached = bySlug.get(slug);
  if (cached !== undefined) return cached ?? undefined;
  const db = await platformDb();
  const project = await db.project.findUnique({ where: { slug }, select });
  const live = project && project.state !== "deleted" ? project : null;
  bySlug.set(slug, live);
  return live ?? undefined;
}

export function invalidateProject(slug: string): void {
  bySlug.delete(slug);
}

export function invalidateAllProjects(): void {
  bySlug.clear();
}
