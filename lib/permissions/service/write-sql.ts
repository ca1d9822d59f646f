import { newId } from "@/lib/core/ids";
import { subjectColumns } from "../store/sql";
import type { RelationTuple, Subject } from "../tuples";

export interface TupleFilter {
  namespace?: string;
  object?: string;
  relation?: string;
  subject?: Subject;
}

export interface WriteAudit {
  workspaceId: string;
  actorType: string;
  actorId: string;
  action: string;
  ip: string;
  /** Extra audit data (e.g. the filter of a DELETE). */
  data: Record<string, unknown>;
}

export interface Statement {
  text: string;
  values: unknown[];
}

/** `AND column = $n` conditions for a tuple filter, numbered after the values already collected. */
export function filterConditions(filter: TupleFilter, values: unknown[]): string {
  const conditions: string[] = [];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    values.push(value);
    conditions.push(` AND ${column} = $${values.length}`);
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
  return conditions.join("");
}

function tupleArrays(tuples: RelationTuple[], values: unknown[]): string {
  const cols: string[][] = [[], [], [], [], [], [], []];
  for (const t of tuples) [t.namespace, t.object, t.relation, ...subjectColumns(t.subject)].forEach((value, i) => cols[i].push(value));
  return cols.map((col) => `$${values.push(col)}::text[]`).join(", ");
}

/** Deletes the listed tuples (one statement; the first value is the project id). */
export function deleteTuplesSql(values: unknown[], tuples: RelationTuple[]): string {
  return `DELETE FROM relation_tuples r USING unnest(${tupleArrays(tuples, values)}) AS t(namespace, object, relation, ssn, sso, ssr, sid)
    WHERE r.project_id = $1::uuid AND r.namespace = t.namespace AND r.object = t.object AND r.relation = t.relation
      AND r.subject_set_namespace = t.ssn AND r.subject_set_object = t.sso AND r.subject_set_relation = t.ssr AND r.subject_id = t.sid RETURNING 1`;
}

/**
 * One statement that bumps the project's write sequence, applies the change and records the audit event, and
 * returns the new sequence. As one statement it is its own transaction: the sequence row stays locked only
 * while PostgreSQL executes and commits it (not across client round trips), so concurrent writers queue
 * briefly, and commits are ordered by sequence (a writer waits for the row lock of the previous one, then
 * reads its committed value): once sequence N is visible, every write up to N is.
 */
export function writeStatement(projectId: string, change: { insert: RelationTuple[]; delete: RelationTuple[]; deleteWhere?: TupleFilter; deletedBefore: number }, audit: WriteAudit): Statement {
  const values: unknown[] = [projectId];
  const ctes = [`seq AS (INSERT INTO permission_sequences (project_id, seq, updated_at) VALUES ($1::uuid, 1, now())
    ON CONFLICT (project_id) DO UPDATE SET seq = permission_sequences.seq + 1, updated_at = now() RETURNING seq)`];
  const inserted = change.insert.length ? "(SELECT count(*) FROM ins)" : "0";
  const deleted: string[] = [`$${values.push(change.deletedBefore)}::int`];
  if (change.insert.length) {
    ctes.push(`ins AS (INSERT INTO relation_tuples (project_id, namespace, object, relation, subject_set_namespace, subject_set_object, subject_set_relation, subject_id, commit_seq)
      SELECT $1::uuid, t.*, (SELECT seq FROM seq) FROM unnest(${tupleArrays(change.insert, values)}) AS t ON CONFLICT DO NOTHING RETURNING 1)`);
  }
  if (change.delete.length) {
    ctes.push(`del AS (${deleteTuplesSql(values, change.delete)})`);
    deleted.push("(SELECT count(*) FROM del)");
  }
  if (change.deleteWhere) {
    ctes.push(`delw AS (DELETE FROM relation_tuples WHERE project_id = $1::uuid${filterConditions(change.deleteWhere, values)} RETURNING 1)`);
    deleted.push("(SELECT count(*) FROM delw)");
  }
  const param = (value: unknown) => `$${values.push(value)}`;
  ctes.push(`audit AS (INSERT INTO audit_events (id, workspace_id, project_id, actor_type, actor_id, action, target_type, target_id, data, ip)
    VALUES (${param(newId())}::uuid, ${param(audit.workspaceId)}::uuid, $1::uuid, ${param(audit.actorType)}, ${param(audit.actorId)}, ${param(audit.action)},
      'relation_tuples', (SELECT seq FROM seq)::text,
      jsonb_build_object('inserted', ${inserted}, 'deleted', ${deleted.join(" + ")}) || ${param(JSON.stringify(audit.data))}::jsonb, ${param(audit.ip)}))`);
  return { text: `WITH ${ctes.join(",\n  ")}\n  SELECT seq FROM seq`, values };
}
