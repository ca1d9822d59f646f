import { getIdentitySchema, identitySchemas } from "@/lib/identity";
import { projectRoute } from "../project-route";
import { ok } from "../respond";
import type { RouteDefinition } from "../types";

/** Kratos' public identity schema endpoints. `GET /schemas/{id}` also takes the base64url id used in `schema_url`. */
export const identitySchemaRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/p/:project/schemas",
    handler: projectRoute((ctx) => ok(identitySchemas(ctx.project).map((entry) => ({ id: entry.id, schema: entry.schema })))),
  },
  {
    method: "GET",
    path: "/p/:project/schemas/:id",
    handler: projectRoute((ctx, params) => ok(getIdentitySchema(ctx.project, params.id ?? "").schema)),
  },
];
