import { recordAudit } from "@/lib/audit";
import { noteWrite } from "../consistency";
import { assertQueryable, assertWritable } from "../model-checks";
import { subjectColumns } from "../store/sql";
import type { RelationTuple, Subject } from "../tuples";
import { settingsOf, type PermissionContext } from "./context";

export interface TupleFilter {
  namespace?: string;
  object?: string;
  relation?: string;
  subject?: Subject;
}

export interface RelationshipChange {
  insert?: RelationTuple[];
  delete?: RelationTuple[];
  /** Keto's DELETE /admin/relation-tuples: every tuple matching the filter. */
  deleteWhere?: TupleFilter;
}

const BUMP_SEQUENCE = `INSERT INTO permission_sequences (project_id, seq, updated_at) VALUES ($1::uuid, 1, now())
  ON CONFLICT (project_id) DO UPDATE SET seq = permission_sequences.seq + 1, updated_at = now() RETURNING seq`;

const INSERT_TUPLES = `INSERT INTO relation_tuples (project_id, namespace, object, relation, subject_set_namespace, subject_set_object, subject_set_relation, subject_id, commit_seq)
  SELECT $1::uuid, t.*, $9::bigint FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t
  ON CONFLICT DO NOTHING`;

const DELETE_TUPLES = `DELETE FROM relation_tuples r USING unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
    AS t(namespace, object, relation, ssn, sso, ssr, sid)
  WHERE r.project_id = $1::uuid AND r.namespace = t.namespace AND r.object = t.object AND r.relation = t.relation
    AND r.subject_set_namespace = t.ssn AND r.subject_set_object = t.sso AND r.subject_set_relation = t.ssr AND r.subject_id = t.sid`;

function columns(tuples: RelationTuple[]): string[][] {
  const cols: string[][] = [[], [], [], [], [], [], []];
  for (const t of tuples) {
    [t.namespace, t.object, t.relation, ...subjectColumns(t.subject)].forEach((value, i) => cols[i].push(value));
  }
  return cols;
}

/** `WHERE` conditions for a tuple filter, as SQL text plus values numbered from `firstParam`. */
export function filterSql(filter: TupleFilter, firstParam: number): { sql: string; values: string[] } {
  const conditions: string[] = [];
  const values: string[] = [];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    values.push(value);
    conditions.push(`${column} = $${firstParam + values.length - 1}`);
  };
  add("namespace", filter.namespace);
  add("object", filter.object);
  add("relation", filter.relation);
  if (filter.subject) {
    const [ssn, sso, ssr, sid] = subjectColumns(filter.subject);
    add("subject_set_namespace", ssn);
    add("subject_set_object", sso);
    add("subject_set_relation", ssr);
    add("subject_id", sid);
  }
  return { sql: conditions.map((c) => ` AND ${c}`).join(""), values };
}

/**
 * Applies inserts and deletes in one transaction (Keto's PATCH is all-or-nothing) and bumps the project's
 * write sequence inside it. Returns the sequence: the consistency token of this write.
 */
export async function changeRelationships(ctx: PermissionContext, change: RelationshipChange, action: string): Promise<number> {
  const { model } = settingsOf(ctx);
  const inserts = change.insert ?? [];
  const deletes = change.delete ?? [];
  for (const t of [...inserts, ...deletes]) assertWritable(model, t);
  if (change.deleteWhere) assertQueryable(model, change.deleteWhere.namespace);
  const projectId = ctx.project.id;

  const seq = await ctx.db.$transaction(async (tx) => {
    const [row] = (await tx.$queryRawUnsafe(BUMP_SEQUENCE, projectId)) as { seq: bigint }[];
    const next = Number(row.seq);
    let deleted = 0;
    if (deletes.length) deleted += await tx.$executeRawUnsafe(DELETE_TUPLES, projectId, ...columns(deletes));
    if (change.deleteWhere) {
      const filter = filterSql(change.deleteWhere, 2);
      deleted += await tx.$executeRawUnsafe(`DELETE FROM relation_tuples WHERE project_id = $1::uuid${filter.sql}`, projectId, ...filter.values);
    }
    const inserted = inserts.length ? await tx.$executeRawUnsafe(INSERT_TUPLES, projectId, ...columns(inserts), next) : 0;
    await recordAudit(tx, {
      workspaceId: ctx.project.workspaceId,
      projectId,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id ?? "",
      action,
      targetType: "relation_tuples",
      targetId: String(next),
      data: { inserted, deleted, ...(change.deleteWhere ? { filter: change.deleteWhere } : {}) },
      ip: ctx.request?.ip,
    });
    return next;
  });
  noteWrite(projectId, seq);
  return seq;
}
