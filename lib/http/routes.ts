import { consoleRoutes } from "./routes/console";
import { courierRoutes } from "./routes/courier";
import { permissionRoutes } from "./routes/permissions";
import { projectAdminRoutes } from "./routes/project-admin";
import { projectHealthRoutes } from "./routes/project-health";
import type { RouteDefinition } from "./types";

/** The one table of machine endpoints. server.ts serves it directly; app/ adapts it for `next dev`. */
export const machineRoutes: RouteDefinition[] = [
  ...projectHealthRoutes,
  ...projectAdminRoutes,
  ...consoleRoutes,
  ...permissionRoutes,
  ...courierRoutes,
];
