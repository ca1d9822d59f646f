import { badRequest } from "@/lib/core/errors";
import { patchSchema, querySubject, relationshipSchema, toTuple, tupleQuerySchema, fromTuple } from "@/lib/permissions/api-shapes";
import { changeRelationships } from "@/lib/permissions/service/writes";
import { encodeToken } from "@/lib/permissions/consistency";
import { parseJson } from "../../body";
import { json } from "../../respond";
import type { ProjectHandler } from "../../project-route";
import { queryObject, tokenHeader } from "./shared";

/** PUT /admin/relation-tuples (Keto createRelationship): 201 with the relationship (+ our consistency_token). */
export const createRelationship: ProjectHandler = async (ctx) => {
  const relationship = await parseJson(ctx.request, relationshipSchema);
  const seq = await changeRelationships(ctx, { insert: [toTuple(relationship)] }, "permissions.relationship.create");
  return json(201, { ...fromTuple(toTuple(relationship)), consistency_token: encodeToken(ctx.project.id, seq) }, tokenHeader(ctx, seq));
};

/** PATCH /admin/relation-tuples (Keto patchRelationships): inserts and deletes, all or nothing. */
export const patchRelationships: ProjectHandler = async (ctx) => {
  const patch = await parseJson(ctx.request, patchSchema);
  const insert = patch.filter((p) => p.action === "insert").map((p) => toTuple(p.relation_tuple));
  const remove = patch.filter((p) => p.action === "delete").map((p) => toTuple(p.relation_tuple));
  const seq = await changeRelationships(ctx, { insert, delete: remove }, "permissions.relationships.patch");
  return { status: 204, headers: tokenHeader(ctx, seq) };
};

/** DELETE /admin/relation-tuples?namespace=…&… (Keto deleteRelationships): every tuple matching the query. */
export const deleteRelationships: ProjectHandler = async (ctx) => {
  const query = tupleQuerySchema.parse(queryObject(ctx));
  if (!query.namespace) throw badRequest("The namespace query parameter is required to delete relationships.", { id: "namespace_required" });
  const filter = { namespace: query.namespace, object: query.object, relation: query.relation, subject: querySubject(query) };
  const seq = await changeRelationships(ctx, { deleteWhere: filter }, "permissions.relationships.delete");
  return { status: 204, headers: tokenHeader(ctx, seq) };
};
