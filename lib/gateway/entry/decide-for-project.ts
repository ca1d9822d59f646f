import { projectDb } from "@/lib/db";
import type { ProjectRecord } from "@/lib/projects/lookup";
import { decide, type Decision } from "../pipeline/decide";
import type { GatewayRequest, PipelineContext } from "../pipeline/types";
import { ruleSetFor } from "../rules/cache";

/** Runs a request through a project's rules (compiled and cached per project). */
export async function decideForProject(project: ProjectRecord, request: GatewayRequest, baseUrl: string, now = new Date()): Promise<Decision> {
  const db = () => projectDb(project.id);
  const set = await ruleSetFor(project.id, db);
  const ctx: PipelineContext = { project, db, now, request, baseUrl };
  return decide(ctx, set);
}
