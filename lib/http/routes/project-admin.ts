import { ok } from "../respond";
import { projectAdminRoute } from "../project-route";
import type { RouteDefinition } from "../types";

/** Our addition: who is calling the admin API (the API key and its project). Handy for integrations and tests. */
export const projectAdminRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/p/:project/admin/whoami",
    handler: projectAdminRoute((ctx) =>
      ok({
        project_id: ctx.project.id,
        project_slug: ctx.project.slug,
        actor: ctx.actor,
      }),
    ),
  },
];
