import type { RouteDefinition } from "../types";

/** Keto's relationship, check, expand and namespace APIs at the project base URL. */
export const permissionRoutes: RouteDefinition[] = [];
