import { z } from "zod";
import { fromTuple, querySubject, tupleQuerySchema } from "@/lib/permissions/api-shapes";
import { parseOpl } from "@/lib/permissions/opl/parse";
import { expandRelationship } from "@/lib/permissions/service/graph";
import { queryRelationships } from "@/lib/permissions/service/reads";
import { settingsOf } from "@/lib/permissions/service/context";
import { notFound } from "@/lib/core/errors";
import { ok } from "../../respond";
import type { ProjectHandler } from "../../project-route";
import { maxDepth, minimumVersion, pageSizeSchema, queryObject, tokenHeader } from "./shared";

const listQuery = tupleQuerySchema.extend({ page_size: pageSizeSchema.default(250), page_token: z.string().max(4000).optional() });

/** GET /relation-tuples (Keto getRelationships). */
export const getRelationships: ProjectHandler = async (ctx) => {
  const q = listQuery.parse(queryObject(ctx));
  const page = await queryRelationships(
    ctx,
    { namespace: q.namespace, object: q.object, relation: q.relation, subject: querySubject(q) },
    { size: q.page_size, token: q.page_token || undefined, minimumVersion: minimumVersion(ctx) },
  );
  return ok({ relation_tuples: page.tuples.map(fromTuple), next_page_token: page.nextPageToken }, tokenHeader(ctx, page.version));
};

const expandQuery = z.object({ namespace: z.string().min(1), object: z.string().min(1), relation: z.string().min(1) });

/** GET /relation-tuples/expand (Keto expandPermissions). */
export const expandPermissions: ProjectHandler = async (ctx) => {
  const q = expandQuery.parse(queryObject(ctx));
  const { tree, version } = await expandRelationship(ctx, q, { maxDepth: maxDepth(ctx), minimumVersion: minimumVersion(ctx) });
  if (!tree) throw notFound("The requested resource could not be found", { reason: "The relationship could not be expanded." });
  return ok(tree, tokenHeader(ctx, version));
};

/** GET /namespaces (Keto listRelationshipNamespaces). */
export const listNamespaces: ProjectHandler = (ctx) => {
  const { model } = settingsOf(ctx);
  return ok({ namespaces: [...model.namespaces.keys()].map((name) => ({ name })) });
};

/** POST /opl/syntax/check (Keto checkOplSyntax): the body is the OPL document; errors carry line and column. */
export const checkOplSyntax: ProjectHandler = async (ctx) => {
  const text = (await ctx.request.body()).toString("utf8");
  return ok({ errors: parseOpl(text).errors });
};
