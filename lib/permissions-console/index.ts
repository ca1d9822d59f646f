import type { ConsoleAccess } from "@/lib/access";
import { projectDb } from "@/lib/db";
import { patchProject } from "@/lib/projects";
import { loadProject } from "@/lib/projects/records";
import { isStrict, oplNamespaces, permissionSettings } from "@/lib/permissions/config";
import type { OplError } from "@/lib/permissions/opl/ast";
import { parseOpl } from "@/lib/permissions/opl/parse";
import { checkRelationship, type CheckResult } from "@/lib/permissions/service/check";
import { queryRelationships, type TuplePage } from "@/lib/permissions/service/reads";
import type { PermissionContext } from "@/lib/permissions/service/context";
import type { TupleFilter } from "@/lib/permissions/service/writes";
import type { RelationTuple } from "@/lib/permissions/tuples";
import { namespaceGraph } from "@/lib/permissions/namespace-graph";

/**
 * The console's view of a project's permissions (reads need `read`, changing the OPL needs `write`). A module of its
 * own, like lib/oauth2-console: it edits the project through lib/projects, which validates permission config with
 * lib/permissions — inside lib/permissions it closed an import loop.
 */
async function contextFor(access: ConsoleAccess, projectId: string, permission: "read" | "write"): Promise<PermissionContext> {
  const project = await loadProject(access, projectId, permission);
  return {
    project: { id: project.id, workspaceId: project.workspaceId, config: project.config },
    db: await projectDb(project.id),
    actor: access.actor,
    request: { ip: access.ip ?? "" },
  };
}

export async function permissionOverview(access: ConsoleAccess, projectId: string) {
  const ctx = await contextFor(access, projectId, "read");
  const settings = permissionSettings(ctx.project.config);
  return {
    opl: settings.opl ?? "",
    errors: settings.errors,
    maxReadDepth: settings.maxReadDepth,
    namespaces: [...settings.model.namespaces.keys()],
    graph: namespaceGraph(settings.model),
  };
}

/** Validates and stores an OPL document (Ory Network's `namespaces.location = base64://…`); errors store nothing. */
export async function saveOpl(access: ConsoleAccess, projectId: string, opl: string): Promise<{ errors: OplError[] }> {
  const { errors } = parseOpl(opl);
  if (errors.length) return { errors };
  const project = await loadProject(access, projectId, "write");
  const value = oplNamespaces(opl, isStrict(project.config));
  await patchProject(access, projectId, [{ op: "add", path: "/services/permission/config/namespaces", value }]);
  return { errors: [] };
}

export async function browseRelationships(access: ConsoleAccess, projectId: string, filter: TupleFilter, page: { size: number; token?: string }): Promise<TuplePage> {
  return queryRelationships(await contextFor(access, projectId, "read"), filter, page);
}

/** The check playground: the answer and the path through the graph that decided it. */
export async function explainCheck(access: ConsoleAccess, projectId: string, tuple: RelationTuple, maxDepth?: number): Promise<CheckResult> {
  return checkRelationship(await contextFor(access, projectId, "read"), { tuple, maxDepth, explain: true });
}
