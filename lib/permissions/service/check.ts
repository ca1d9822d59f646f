import { checkCache } from "../cache";
import { readVersion } from "../consistency";
import { checkPermission } from "../engine/check";
import { grantPath, type Membership, type TraceNode } from "../engine/membership";
import { assertCheckable } from "../model-checks";
import { SqlTupleStore } from "../store/sql";
import { sqlRunner } from "../store/sql-runner";
import { subjectKey, type RelationTuple } from "../tuples";
import { effectiveDepth, settingsOf, type PermissionContext } from "./context";

export interface CheckRequest {
  tuple: RelationTuple;
  maxDepth?: number;
  /** From a consistency token: answer at least as fresh as this write. */
  minimumVersion?: number;
  /** Return the evaluated graph and the granting path (bypasses the cache). */
  explain?: boolean;
}

export interface CheckResult {
  allowed: boolean;
  membership: Membership;
  /** The write sequence the answer is at least as fresh as. */
  version: number;
  cached: boolean;
  trace?: TraceNode;
  path?: TraceNode[];
}

/** Keto's check, behind the cache: `ns:obj#rel@subject`? */
export async function checkRelationship(ctx: PermissionContext, request: CheckRequest): Promise<CheckResult> {
  const settings = settingsOf(ctx);
  const { tuple } = request;
  assertCheckable(settings.model, tuple.namespace, tuple.relation, tuple.subject);
  const depth = effectiveDepth(request.maxDepth, settings.maxReadDepth);
  const run = await sqlRunner();
  const version = await readVersion(run, ctx.project.id, request.minimumVersion);
  const cache = checkCache();
  const key = `${ctx.project.id}|${settings.modelId}|${depth}|${tuple.namespace}|${tuple.object}|${tuple.relation}|${subjectKey(tuple.subject)}`;
  if (!request.explain) {
    const hit = cache.get(key, version);
    if (hit) return { allowed: hit === "member", membership: hit, version, cached: true };
  }
  const store = new SqlTupleStore(run, ctx.project.id);
  const outcome = await checkPermission(settings.model, store, tuple, tuple.subject, { maxDepth: depth, explain: request.explain });
  cache.set(key, version, outcome.membership);
  return {
    allowed: outcome.membership === "member",
    membership: outcome.membership,
    version,
    cached: false,
    ...(outcome.trace ? { trace: outcome.trace, path: outcome.membership === "member" ? grantPath(outcome.trace) : undefined } : {}),
  };
}
