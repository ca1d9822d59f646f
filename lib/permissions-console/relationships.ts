import type { ConsoleAccess } from "@/lib/access";
import { queryRelationships } from "@/lib/permissions/service/reads";
import { changeRelationships } from "@/lib/permissions/service/writes";
import type { RelationTuple } from "@/lib/permissions/tuples";
import { contextFor } from "./context";

/**
 * Relationship writes from the console: the same service, model checks and audit events as the Keto API
 * (`PUT /admin/relation-tuples` → `permissions.relationship.create`, a delete → `permissions.relationships.delete`).
 */
export async function addRelationship(access: ConsoleAccess, projectId: string, tuple: RelationTuple): Promise<number> {
  return changeRelationships(await contextFor(access, projectId, "write"), { insert: [tuple] }, "permissions.relationship.create");
}

export async function deleteRelationship(access: ConsoleAccess, projectId: string, tuple: RelationTuple): Promise<number> {
  return changeRelationships(await contextFor(access, projectId, "write"), { delete: [tuple] }, "permissions.relationships.delete");
}

/** The most relationships one object's graph shows (one level out); the list below pages through the rest. */
export const OBJECT_GRAPH_LIMIT = 40;

/** One object's stored relationships: its relations to subject ids and subject sets, one level out. */
export async function objectRelationships(access: ConsoleAccess, projectId: string, namespace: string, object: string): Promise<{ tuples: RelationTuple[]; more: boolean }> {
  const page = await queryRelationships(await contextFor(access, projectId, "read"), { namespace, object }, { size: OBJECT_GRAPH_LIMIT });
  return { tuples: page.tuples, more: Boolean(page.nextPageToken) };
}
