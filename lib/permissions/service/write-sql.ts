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

/** One request's part of a write: its inserts and its audit event. */
export interface WriteRequest {
  insert: RelationTuple[];
  audit: WriteAudit;
}

/**
 * One statement that bumps the project's write sequence, applies the change and records one audit event per
 * request, and returns the new sequence. As one statement it is its own transaction: the sequence row stays
 * locked only while PostgreSQL executes and commits it (not across client round trips), and commits are
 * ordered by sequence (a writer waits for the row lock of the previous one, then reads its committed value):
 * once sequence N is visible, every write up to N is. Several requests' inserts may share one statement
 * (and so one sequence and one commit); deletes come from a single request.
 */
export function writeStatement(projectId: string, requests: WriteRequest[], deletes: { tuples: RelationTuple[]; where?: TupleFilter; before: number } = { tuples: [], before: 0 }): Statement {
  if (requests.length !== 1 && (deletes.tuples.length || deletes.where || deletes.before)) throw new Error("deletes are written by one request at a time");
  const values: unknown[] = [projectId];
  const param = (value: unknown, type = "") => `$${values.push(value)}${type}`;
  const ctes = [`seq AS (INSERT INTO permission_sequences (project_id, seq, updated_at) VALUES ($1::uuid, 1, now())
    ON CONFLICT (project_id) DO UPDATE SET seq = permission_sequences.seq + 1, updated_at = now() RETURNING seq)`];
  const inserts = requests.flatMap((r, i) => r.insert.map((tuple) => ({ tuple, request: i + 1 })));
  let inserted = "0";
  if (inserts.length) {
    const rows = `unnest(${param(inserts.map((i) => i.request), "::int[]")}, ${tupleArrays(inserts.map((i) => i.tuple), values)})
      AS r(request, namespace, object, relation, ssn, sso, ssr, sid)`;
    ctes.push(`ins AS (INSERT INTO relation_tuples (project_id, namespace, object, relation, subject_set_namespace, subject_set_object, subject_set_relation, subject_id, commit_seq)
      SELECT $1::uuid, r.namespace, r.object, r.relation, r.ssn, r.sso, r.ssr, r.sid, (SELECT seq FROM seq) FROM ${rows}
      ON CONFLICT DO NOTHING RETURNING namespace, object, relation, subject_set_namespace, subject_set_object, subject_set_relation, subject_id)`);
    inserted = `(SELECT count(*) FROM ins i JOIN ${rows} ON r.request = a.request AND i.namespace = r.namespace AND i.object = r.object
      AND i.relation = r.relation AND i.subject_set_namespace = r.ssn AND i.subject_set_object = r.sso AND i.subject_set_relation = r.ssr AND i.subject_id = r.sid)`;
  }
  const deleted: string[] = [param(deletes.before, "::int")];
  if (deletes.tuples.length) {
    ctes.push(`del AS (${deleteTuplesSql(values, deletes.tuples)})`);
    deleted.push("(SELECT count(*) FROM del)");
  }
  if (deletes.where) {
    ctes.push(`delw AS (DELETE FROM relation_tuples WHERE project_id = $1::uuid${filterConditions(deletes.where, values)} RETURNING 1)`);
    deleted.push("(SELECT count(*) FROM delw)");
  }
  const audits = requests.map((r) => ({ ...r.audit, id: newId() }));
  const column = (pick: (a: (typeof audits)[number]) => string, type: string) => param(audits.map(pick), type);
  ctes.push(`audit AS (INSERT INTO audit_events (id, workspace_id, project_id, actor_type, actor_id, action, target_type, target_id, data, ip)
    SELECT a.id, a.workspace_id, $1::uuid, a.actor_type, a.actor_id, a.action, 'relation_tuples', (SELECT seq FROM seq)::text,
      jsonb_build_object('inserted', ${inserted}, 'deleted', ${deleted.join(" + ")}) || a.data, a.ip
    FROM unnest(${column((a) => a.id, "::uuid[]")}, ${column((a) => a.workspaceId, "::uuid[]")}, ${column((a) => a.actorType, "::text[]")},
      ${column((a) => a.actorId, "::text[]")}, ${column((a) => a.action, "::text[]")}, ${column((a) => JSON.stringify(a.data), "::jsonb[]")}, ${column((a) => a.ip, "::text[]")})
      WITH ORDINALITY AS a(id, workspace_id, actor_type, actor_id, action, data, ip, request))`);
  return { text: `WITH ${ctes.join(",\n  ")}\n  SELECT seq FROM seq`, values };
}
