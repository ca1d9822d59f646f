import { instanceWide } from "@/lib/core/instance-wide";
import { processGlobal } from "@/lib/core/process-global";
import { SingleFlight } from "@/lib/core/single-flight";
import { TtlCache } from "@/lib/core/ttl-cache";
import { platformDb } from "@/lib/db";
import type { Project } from "@/lib/db/generated/client";

export type ProjectRecord = Pick<Project, "id" | "workspaceId" | "slug" | "name" | "environment" | "state" | "revision" | "config">;

// Project rows are read on every project request; a short TTL bounds staleness across instances,
// and writes in this process invalidate immediately (one cache per process: processGlobal).
const TTL_MS = 5_000;
const bySlug = processGlobal("projects.by-slug", () => new TtlCache<string, { record: ProjectRecord | null; loadedAt: number }>(TTL_MS, 5_000));
// Concurrent misses share one query; busy slugs are refreshed in the background before they expire.
const loads = processGlobal("projects.by-slug-loads", () => new SingleFlight<string, ProjectRecord | null>());
const epoch = processGlobal("projects.by-slug-epoch", () => ({ value: 0 }));

const select = { id: true, workspaceId: true, slug: true, name: true, environment: true, state: true, revision: true, config: true } as const;

/** Resolves a running project by slug; deleted or unknown projects resolve to undefined. */
export async function findProjectBySlug(slug: string): Promise<ProjectRecord | undefined> {
  const now = Date.now();
  const cached = bySlug.get(slug, now);
  const flight = `${epoch.value}:${slug}`; // a load started before an invalidation is not shared after it
  if (cached && now - cached.loadedAt > TTL_MS / 2) loads.refresh(flight, () => load(slug));
  const record = cached ? cached.record : await loads.run(flight, () => load(slug));
  return record ?? undefined;
}

async function load(slug: string): Promise<ProjectRecord | null> {
  const startedAt = epoch.value;
  const db = await platformDb();
  const project = await db.project.findUnique({ where: { slug }, select });
  const live = project && project.state !== "deleted" ? project : null;
  // A write invalidated the slug while this read ran: answer with it, but do not cache it.
  if (startedAt === epoch.value) bySlug.set(slug, { record: live, loadedAt: Date.now() });
  return live;
}

export const invalidateProject = instanceWide("projects/lookup#invalidateProject", (slug: string): void => {
  epoch.value++;
  bySlug.delete(slug);
});

export const invalidateAllProjects = instanceWide("projects/lookup#invalidateAllProjects", (): void => {
  epoch.value++;
  bySlug.clear();
});
