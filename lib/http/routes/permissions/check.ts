import { z } from "zod";
import { querySubject, relationshipSchema, toTuple, tupleQuerySchema } from "@/lib/permissions/api-shapes";
import { checkRelationship, type CheckResult } from "@/lib/permissions/service/check";
import type { RelationTuple } from "@/lib/permissions/tuples";
import { isAppError, badRequest } from "@/lib/core/errors";
import { parseJson } from "../../body";
import { json } from "../../respond";
import type { ProjectHandler } from "../../project-route";
import type { ProjectContext } from "../../context";
import { maxDepth, minimumVersion, queryObject, tokenHeader } from "./shared";

const MAX_BATCH = 100;

async function tupleFromRequest(ctx: ProjectContext): Promise<RelationTuple> {
  if (ctx.request.method === "POST") return toTuple(await parseJson(ctx.request, relationshipSchema));
  const q = tupleQuerySchema.parse(queryObject(ctx));
  const subject = querySubject(q);
  return toTuple(relationshipSchema.parse({
    namespace: q.namespace, object: q.object, relation: q.relation,
    ...(subject?.type === "id" ? { subject_id: subject.id } : subject ? { subject_set: { namespace: subject.namespace, object: subject.object, relation: subject.relation } } : {}),
  }));
}

function run(ctx: ProjectContext, tuple: RelationTuple, explain = false): Promise<CheckResult> {
  return checkRelationship(ctx, { tuple, maxDepth: maxDepth(ctx), minimumVersion: minimumVersion(ctx), explain });
}

/** GET/POST /relation-tuples/check (Keto checkPermissionOrError): 200 when allowed, 403 `{allowed:false}` when not. */
export const checkOrError: ProjectHandler = async (ctx) => {
  const result = await run(ctx, await tupleFromRequest(ctx));
  return json(result.allowed ? 200 : 403, { allowed: result.allowed }, tokenHeader(ctx, result.version));
};

/**
 * GET/POST /relation-tuples/check/openapi (Keto checkPermission): always 200. Our addition: `explain=true`
 * adds the evaluated graph and, when allowed, the path that grants.
 */
export const checkOpenApi: ProjectHandler = async (ctx) => {
  const explain = ctx.request.query.get("explain") === "true";
  const result = await run(ctx, await tupleFromRequest(ctx), explain);
  const body = explain ? { allowed: result.allowed, membership: result.membership, path: result.path ?? [], trace: result.trace } : { allowed: result.allowed };
  return json(200, body, tokenHeader(ctx, result.version));
};

const batchSchema = z.object({ tuples: z.array(z.unknown()).max(MAX_BATCH) });

/** POST /relation-tuples/batch/check (Keto batchCheckPermission): per-tuple results, errors inline. */
export const batchCheck: ProjectHandler = async (ctx) => {
  const { tuples } = await parseJson(ctx.request, batchSchema);
  let version = 0;
  const results = await Promise.all(tuples.map(async (raw) => {
    try {
      const parsed = relationshipSchema.safeParse(raw);
      if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? "invalid relationship");
      const result = await run(ctx, toTuple(parsed.data));
      version = Math.max(version, result.version);
      return { allowed: result.allowed };
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { allowed: false, error: error.message };
    }
  }));
  return json(200, { results }, version ? tokenHeader(ctx, version) : {});
};
