import { createKey, createKeySetSchema, deleteKeys, getKeySet, jsonWebKeySchema, jsonWebKeySetSchema, keySetNameSchema, putKey, putKeySet } from "@/lib/keys";
import { parseJson } from "../body";
import { projectAdminRoute } from "../project-route";
import { created, noContent, ok } from "../respond";
import type { RouteDefinition } from "../types";

const set = (params: Record<string, string>) => keySetNameSchema.parse(params.set);
const kid = (params: Record<string, string>) => keySetNameSchema.parse(params.kid);

/** Hydra's JSON Web Key admin API (`/admin/keys/{set}[/{kid}]`). Public keys are served by oauth2-discovery. */
export const oauth2KeyRoutes: RouteDefinition[] = [
  { method: "GET", path: "/p/:project/admin/keys/:set", handler: projectAdminRoute(async (ctx, p) => ok(await getKeySet(ctx, set(p)))) },
  {
    method: "POST",
    path: "/p/:project/admin/keys/:set",
    handler: projectAdminRoute(async (ctx, p) => created(await createKey(ctx, set(p), await parseJson(ctx.request, createKeySetSchema)))),
  },
  {
    method: "PUT",
    path: "/p/:project/admin/keys/:set",
    handler: projectAdminRoute(async (ctx, p) => ok(await putKeySet(ctx, set(p), (await parseJson(ctx.request, jsonWebKeySetSchema)).keys))),
  },
  { method: "DELETE", path: "/p/:project/admin/keys/:set", handler: projectAdminRoute(async (ctx, p) => (await deleteKeys(ctx, set(p)), noContent())) },
  { method: "GET", path: "/p/:project/admin/keys/:set/:kid", handler: projectAdminRoute(async (ctx, p) => ok(await getKeySet(ctx, set(p), kid(p)))) },
  {
    method: "PUT",
    path: "/p/:project/admin/keys/:set/:kid",
    handler: projectAdminRoute(async (ctx, p) => ok(await putKey(ctx, set(p), kid(p), await parseJson(ctx.request, jsonWebKeySchema)))),
  },
  { method: "DELETE", path: "/p/:project/admin/keys/:set/:kid", handler: projectAdminRoute(async (ctx, p) => (await deleteKeys(ctx, set(p), kid(p)), noContent())) },
];
