import type { RouteDefinition } from "../types";

/** The console API (Ory Network's), base path /api/console. */
export const consoleRoutes: RouteDefinition[] = [];
