import type { ConsoleAccess } from "@/lib/access";
import { patchProject } from "@/lib/projects";
import { loadProject } from "@/lib/projects/records";
import { isStrict, oplNamespaces, permissionSettings } from "@/lib/permissions/config";
import type { OplError } from "@/lib/permissions/opl/ast";
import { parseOpl } from "@/lib/permissions/opl/parse";
import { checkRelationship, type CheckResult } from "@/lib/permissions/service/check";
import { queryRelationships, type TuplePage } from "@/lib/permissions/service/reads";
import type { TupleFilter } from "@/lib/permissions/service/writes";
import type { RelationTuple } from "@/lib/permissions/tuples";
import { namespaceGraph } from "@/lib/permissions/namespace-graph";
import { contextFor } from "./context";

export { STARTER_MODELS, type StarterId, type StarterModel } from "./starters";
export { addRelationship, deleteRelationship, objectRelationships, OBJECT_GRAPH_LIMIT } from "./relationships";
export { relationshipInputSchema, tupleFromInput, RELATIONSHIP_FIELDS, type RelationshipInput } from "./relationship-input";

/**
 * The console's view of a project's permissions (reads need `read`, changing the OPL needs `write`). A module of its
 * own, like lib/oauth2-console: it edits the project through lib/projects, which validates permission config with
 * lib/permissions — inside lib/permissions it closed an import loop.
 */
export async function permissionOverview(access: ConsoleAccess, projectId: string) {
  const ctx = await contextFor(access, projectId, "read");
  const settings = permissionSettings(ctx.project.config);
  return {
    opl: settings.opl ?? "",
    errors: settings.errors,
    maxReadDepth: settings.maxReadDepth,
    namespaces: [...settings.model.namespaces.keys()],
    /** Stored relations per namespace (what a relationship may name), for the form's pickers. */
    relations: Object.fromEntries([...settings.model.namespaces.values()].map((ns) => [ns.name, [...ns.relations.keys()]])),
    /** Relations and permissions per namespace, for subject-set pickers. */
    usersets: Object.fromEntries([...settings.model.namespaces.values()].map((ns) => [ns.name, [...ns.relations.keys(), ...ns.permits.keys()]])),
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
export { layoutObjectGraph, shortLabel, type ObjectGraphLayout } from "./object-graph";
