import { platformDb } from "@/lib/db";
import { ok, json } from "../respond";
import { projectRoute } from "../project-route";
import type { RouteDefinition } from "../types";
import { VERSION } from "@/lib/core/version";

/** Ory's health and version endpoints at every project base URL. */
export const projectHealthRoutes: RouteDefinition[] = [
  { method: "GET", path: "/p/:project/health/alive", handler: projectRoute(() => ok({ status: "ok" })) },
  {
    method: "GET",
    path: "/p/:project/health/ready",
    handler: projectRoute(async () => {
      try {
        const db = await platformDb();
        await db.$queryRaw`SELECT 1`;
        return ok({ status: "ok" });
      } catch {
        return json(503, { errors: { database: "The database is not reachable." } });
      }
    }),
  },
  { method: "GET", path: "/p/:project/version", handler: projectRoute(() => ok({ version: VERSION })) },
];
