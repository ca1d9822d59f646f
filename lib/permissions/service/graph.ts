import { readVersion } from "../consistency";
import { expand, type ExpandTree } from "../engine/expand";
import { listObjects, listSubjects, type Page } from "../engine/list";
import { assertCheckable } from "../model-checks";
import { SqlTupleStore } from "../store/sql";
import { sqlRunner } from "../store/sql-runner";
import type { Subject, Userset } from "../tuples";
import { effectiveDepth, settingsOf, type PermissionContext } from "./context";

interface ReadOptions {
  maxDepth?: number;
  minimumVersion?: number;
}

async function prepare(ctx: PermissionContext, options: ReadOptions) {
  const settings = settingsOf(ctx);
  const run = await sqlRunner();
  const version = await readVersion(run, ctx.project.id, options.minimumVersion);
  return { settings, version, store: new SqlTupleStore(run, ctx.project.id), depth: effectiveDepth(options.maxDepth, settings.maxReadDepth) };
}

/** Keto's expand: the subject tree of `ns:obj#rel`. */
export async function expandRelationship(ctx: PermissionContext, target: Userset, options: ReadOptions): Promise<{ tree: ExpandTree | undefined; version: number }> {
  const { settings, version, store, depth } = await prepare(ctx, options);
  assertCheckable(settings.model, target.namespace, target.relation);
  return { tree: await expand(settings.model, store, target, depth), version };
}

/** Beyond Keto: objects of a namespace on which the subject has the relation (same semantics as check). */
export async function listObjectsFor(
  ctx: PermissionContext, query: { namespace: string; relation: string; subject: Subject }, page: { size: number; after?: string }, options: ReadOptions,
): Promise<Page<string> & { version: number }> {
  const { settings, version, store, depth } = await prepare(ctx, options);
  assertCheckable(settings.model, query.namespace, query.relation, query.subject);
  return { ...(await listObjects(settings.model, store, query, depth, { pageSize: page.size, after: page.after })), version };
}

/** Beyond Keto: subjects that have the relation on the object. */
export async function listSubjectsOf(
  ctx: PermissionContext, target: Userset, page: { size: number; after?: string }, options: ReadOptions,
): Promise<Page<Subject> & { version: number }> {
  const { settings, version, store, depth } = await prepare(ctx, options);
  assertCheckable(settings.model, target.namespace, target.relation);
  return { ...(await listSubjects(settings.model, store, target, depth, { pageSize: page.size, after: page.after })), version };
}
