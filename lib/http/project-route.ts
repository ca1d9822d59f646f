import { bearerToken, verifyProjectApiKey } from "@/lib/apikeys";
import { notFound, unauthorized } from "@/lib/core/errors";
import { projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { logger, type Actor, type ProjectContext } from "./context";
import type { ApiRequest, ApiResponse, Handler, RouteParams } from "./types";

export type ProjectHandler = (ctx: ProjectContext, params: RouteParams) => Promise<ApiResponse> | ApiResponse;

async function resolve(request: ApiRequest, params: RouteParams, actor: Actor): Promise<ProjectContext> {
  const project = await findProjectBySlug(params.project ?? "");
  if (!project) throw notFound("The requested project does not exist.", { id: "project_not_found" });
  return { project, db: await projectDb(project.id), actor, now: new Date(), log: logger(), request };
}

/** A public project endpoint: resolves `:project`, unknown projects are 404. */
export function projectRoute(handler: ProjectHandler): Handler {
  return async (request, params) => handler(await resolve(request, params, { type: "anonymous" }), params);
}

/** An admin project endpoint: requires an API key of exactly this project (`Authorization: Bearer pc_pat_…`). */
export function projectAdminRoute(handler: ProjectHandler): Handler {
  return async (request, params) => {
    const ctx = await resolve(request, params, { type: "anonymous" });
    const token = bearerToken(request.header("authorization"));
    const key = token ? await verifyProjectApiKey(ctx.project.id, token, ctx.now) : undefined;
    if (!key) {
      throw unauthorized("The request could not be authorized", {
        reason: token ? "The API key is invalid, revoked, or belongs to another project." : "An API key is required (Authorization: Bearer …).",
      });
    }
    ctx.actor = { type: "project_api_key", id: key.keyId };
    return handler(ctx, params);
  };
}
