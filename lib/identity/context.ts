import type { ProjectDb } from "@/lib/db";
import type { RequestOrigin } from "@/lib/request-origin";
import type { ProjectRecord } from "@/lib/projects/lookup";

/**
 * What identity and session services need from a request: structurally a subset of lib/http's
 * ProjectContext, so route handlers pass their context unchanged and other callers (flows, console
 * server actions, benchmarks) can build one without lib/http.
 */
export interface ServiceContext {
  project: ProjectRecord;
  db: ProjectDb;
  now: Date;
  actor: { type: string; id?: string };
  /** `origin`: resolved already for the request this context acts for (console contexts; lib/request-origin). */
  request?: { ip: string; header(name: string): string | undefined; origin?: RequestOrigin };
}

/** The (actorType, actorId, ip) triple for audit events. */
export function auditActor(ctx: ServiceContext): { actorType: string; actorId: string; ip: string } {
  return { actorType: ctx.actor.type, actorId: ctx.actor.id ?? "", ip: ctx.request?.ip ?? "" };
}
