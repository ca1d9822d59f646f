import { projectAdminRoute } from "../project-route";
import type { RouteDefinition } from "../types";
import { batchCheck, checkOpenApi, checkOrError } from "./permissions/check";
import { listObjects, listSubjects } from "./permissions/lists";
import { checkOplSyntax, expandPermissions, getRelationships, listNamespaces } from "./permissions/reads";
import { createRelationship, deleteRelationships, patchRelationships } from "./permissions/writes";

/**
 * Keto's relationship, check, expand and namespace APIs at the project base URL. As in Ory Network, every
 * one of them (reads and checks too) requires the project API key (security: oryAccessToken).
 */
const route = (method: RouteDefinition["method"], path: string, handler: Parameters<typeof projectAdminRoute>[0]): RouteDefinition =>
  ({ method, path: `/p/:project${path}`, handler: projectAdminRoute(handler) });

export const permissionRoutes: RouteDefinition[] = [
  route("PUT", "/admin/relation-tuples", createRelationship),
  route("PATCH", "/admin/relation-tuples", patchRelationships),
  route("DELETE", "/admin/relation-tuples", deleteRelationships),
  route("GET", "/relation-tuples", getRelationships),
  route("GET", "/relation-tuples/check", checkOrError),
  route("POST", "/relation-tuples/check", checkOrError),
  route("GET", "/relation-tuples/check/openapi", checkOpenApi),
  route("POST", "/relation-tuples/check/openapi", checkOpenApi),
  route("POST", "/relation-tuples/batch/check", batchCheck),
  route("GET", "/relation-tuples/expand", expandPermissions),
  route("GET", "/relation-tuples/list-objects", listObjects),
  route("GET", "/relation-tuples/list-subjects", listSubjects),
  route("GET", "/namespaces", listNamespaces),
  route("POST", "/opl/syntax/check", checkOplSyntax),
];
