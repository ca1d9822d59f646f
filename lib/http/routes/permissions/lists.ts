import { z } from "zod";
import { fromSubject, querySubject, tupleQuerySchema } from "@/lib/permissions/api-shapes";
import { decodePageToken, encodePageToken } from "@/lib/permissions/service/reads";
import { listObjectsFor, listSubjectsOf } from "@/lib/permissions/service/graph";

import { badRequest } from "@/lib/core/errors";
import { ok } from "../../respond";
import type { ProjectHandler } from "../../project-route";
import { maxDepth, minimumVersion, pageSizeSchema, queryObject, tokenHeader } from "./shared";

const pageQuery = { page_size: pageSizeSchema.default(100), page_token: z.string().max(4000).optional() };
const objectsQuery = tupleQuerySchema.extend({ namespace: z.string().min(1), relation: z.string().min(1), ...pageQuery });
const subjectsQuery = tupleQuerySchema.extend({ namespace: z.string().min(1), object: z.string().min(1), relation: z.string().min(1), ...pageQuery });

const after = (token: string | undefined) => (token ? decodePageToken(token, 1)[0] : undefined);

/**
 * Our addition, GET /relation-tuples/list-objects?namespace&relation&subject_id|subject_set.*: the objects of
 * `namespace` on which the subject has `relation` (relation or permission), with check's semantics, paged.
 */
export const listObjects: ProjectHandler = async (ctx) => {
  const q = objectsQuery.parse(queryObject(ctx));
  const subject = querySubject(q);
  if (!subject) throw badRequest("A subject (subject_id or subject_set.*) is required.", { id: "subject_required" });
  const page = await listObjectsFor(ctx, { namespace: q.namespace, relation: q.relation, subject }, { size: q.page_size, after: after(q.page_token) },
    { maxDepth: maxDepth(ctx), minimumVersion: minimumVersion(ctx) });
  return ok({ objects: page.items, next_page_token: page.next === undefined ? "" : encodePageToken([page.next]) }, tokenHeader(ctx, page.version));
};

/** Our addition, GET /relation-tuples/list-subjects?namespace&object&relation: who has the relation, paged. */
export const listSubjects: ProjectHandler = async (ctx) => {
  const q = subjectsQuery.parse(queryObject(ctx));
  const page = await listSubjectsOf(ctx, { namespace: q.namespace, object: q.object, relation: q.relation }, { size: q.page_size, after: after(q.page_token) },
    { maxDepth: maxDepth(ctx), minimumVersion: minimumVersion(ctx) });
  const next = page.next === undefined ? "" : encodePageToken([page.next]);
  return ok({ subjects: page.items.map(fromSubject), next_page_token: next }, tokenHeader(ctx, page.version));
};
