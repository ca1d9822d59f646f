import type { Subject, SubjectSet } from "../tuples";
import type { SqlRunner } from "./sql-runner";

export interface UsersetRows {
  /** Whether the subject itself is stored under the userset. */
  direct: boolean;
  /** The subject sets stored under the userset (relation '' for plain object references, used by traverse). */
  sets: SubjectSet[];
}

interface Entry {
  sets: SubjectSet[];
  /** Subject ids whose direct tuple was looked for; `present` holds those found. */
  asked: Set<string>;
  present: Set<string>;
}

interface Pending {
  key: string;
  namespace: string;
  object: string;
  relation: string;
  subjectId: string | undefined;
  resolve: (entry: Entry) => void;
  reject: (error: unknown) => void;
}

/** Levels of subject-set edges fetched ahead of the engine (a relation chain this long costs one query). */
const PREFETCH_LEVELS = 4;
/** Rows per query: bounds the work of a wide graph (a cut-off query is repeated without prefetching). */
const ROW_LIMIT = 2000;
const MAX_STARTS = 100;
const MAX_ENTRIES = 20_000;
const INT4_MAX = 2_147_483_647;

/**
 * The usersets asked for (unnest $2..$4) and, following their subject-set edges up to $6 levels ahead, the
 * usersets the engine will ask about next: for each, every subject set stored under it and the direct tuple of
 * subject $5 (a NULL subject matches none). Rows are edges `parent → subject` with the parent's level; both
 * probes per userset are index-only range scans on the primary key. Every part is constrained to the project.
 */
export const LOOKUP_SQL = `WITH RECURSIVE reach(ns, obj, rel, ssn, sso, ssr, sid, lvl) AS (
    SELECT s.ns, s.obj, s.rel, x.*, 0
    FROM unnest($2::text[], $3::text[], $4::text[]) AS s(ns, obj, rel)
    CROSS JOIN LATERAL (
      SELECT t.subject_set_namespace, t.subject_set_object, t.subject_set_relation, t.subject_id FROM relation_tuples t
      WHERE t.project_id = $1::uuid AND t.namespace = s.ns AND t.object = s.obj AND t.relation = s.rel AND t.subject_set_namespace > ''
      UNION ALL
      SELECT '', '', '', t.subject_id FROM relation_tuples t
      WHERE t.project_id = $1::uuid AND t.namespace = s.ns AND t.object = s.obj AND t.relation = s.rel
        AND t.subject_set_namespace = '' AND t.subject_set_object = '' AND t.subject_set_relation = '' AND t.subject_id = $5::text
    ) x
    UNION ALL
    SELECT r.ssn, r.sso, r.ssr, x.*, r.lvl + 1
    FROM reach r
    CROSS JOIN LATERAL (
      SELECT t.subject_set_namespace, t.subject_set_object, t.subject_set_relation, t.subject_id FROM relation_tuples t
      WHERE t.project_id = $1::uuid AND t.namespace = r.ssn AND t.object = r.sso AND t.relation = r.ssr AND t.subject_set_namespace > ''
      UNION ALL
      SELECT '', '', '', t.subject_id FROM relation_tuples t
      WHERE t.project_id = $1::uuid AND t.namespace = r.ssn AND t.object = r.sso AND t.relation = r.ssr
        AND t.subject_set_namespace = '' AND t.subject_set_object = '' AND t.subject_set_relation = '' AND t.subject_id = $5::text
    ) x
    WHERE r.ssr > '' AND r.lvl < $6::int
  )
  SELECT ns, obj, rel, ssn, sso, ssr, sid, lvl FROM reach LIMIT $7::int`;

const keyOf = (namespace: string, object: string, relation: string) => `${namespace}\u0000${object}\u0000${relation}`;

/**
 * Batched, prefetching userset lookups for one request. Every lookup the engine asks for while it waits on
 * I/O is collected (until `setImmediate`: one query per level of the search) and answered by LOOKUP_SQL, which
 * also walks subject-set edges a few levels ahead, so a chain of subject sets usually costs one round trip.
 * Only usersets whose rows were fetched completely are remembered, so answers equal one lookup per userset.
 */
export class UsersetLoader {
  private readonly entries = new Map<string, Entry>();
  private pending: Pending[] = [];
  /** Statements run so far (tests assert batching with it). */
  queries = 0;

  constructor(private readonly run: SqlRunner, private readonly projectId: string) {}

  async lookup(namespace: string, object: string, relation: string, subject: Subject | undefined): Promise<UsersetRows> {
    const subjectId = subject?.type === "id" ? subject.id : undefined;
    const key = keyOf(namespace, object, relation);
    const entry = this.usable(key, subjectId) ?? await new Promise<Entry>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ key, namespace, object, relation, subjectId, resolve, reject });
    });
    const direct = subject?.type === "id"
      ? entry.present.has(subject.id)
      : subject !== undefined && entry.sets.some((s) => s.namespace === subject.namespace && s.object === subject.object && s.relation === subject.relation);
    return { direct, sets: entry.sets };
  }

  private usable(key: string, subjectId: string | undefined): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && (subjectId === undefined || entry.asked.has(subjectId)) ? entry : undefined;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    for (const chunk of groupBySubject(batch)) {
      try {
        await this.fetch(chunk);
        for (const p of chunk) {
          const entry = this.usable(p.key, p.subjectId);
          if (entry) p.resolve(entry);
          else p.reject(new Error("userset lookup returned no answer"));
        }
      } catch (error) {
        for (const p of chunk) p.reject(error);
      }
    }
  }

  private async fetch(chunk: Pending[], levels = PREFETCH_LEVELS, limit = ROW_LIMIT): Promise<void> {
    const starts = [...new Map(chunk.map((p) => [p.key, p])).values()];
    const subjectId = chunk.find((p) => p.subjectId !== undefined)?.subjectId ?? null;
    this.queries++;
    const rows = await this.run("pc_perm_lookup_batch", LOOKUP_SQL, [
      this.projectId, starts.map((p) => p.namespace), starts.map((p) => p.object), starts.map((p) => p.relation), subjectId, levels, limit,
    ]);
    if (rows.length >= limit) return this.fetch(chunk, 0, INT4_MAX);
    // Complete: the usersets asked for, and those whose edges the query walked (children of rows below `levels`).
    const complete = new Map<string, { sets: Map<string, SubjectSet>; present: Set<string> }>();
    const add = (key: string) => complete.set(key, { sets: new Map(), present: new Set() });
    for (const p of starts) add(p.key);
    for (const row of rows) if (row.ssr && Number(row.lvl) < levels) add(keyOf(String(row.ssn), String(row.sso), String(row.ssr)));
    for (const row of rows) {
      const target = complete.get(keyOf(String(row.ns), String(row.obj), String(row.rel)));
      if (!target) continue;
      if (!row.ssn) target.present.add(String(row.sid));
      else target.sets.set(keyOf(String(row.ssn), String(row.sso), String(row.ssr)), { namespace: String(row.ssn), object: String(row.sso), relation: String(row.ssr) });
    }
    if (this.entries.size > MAX_ENTRIES) this.entries.clear();
    const asked = subjectId === null ? [] : [subjectId];
    for (const [key, { sets, present }] of complete) this.entries.set(key, { sets: [...sets.values()], asked: new Set(asked), present });
  }
}

/** Lookups of one subject per query (the direct probe takes one subject); subject-less lookups join any. */
function groupBySubject(batch: Pending[]): Pending[][] {
  const bySubject = new Map<string | undefined, Pending[]>();
  for (const p of batch) {
    const group = bySubject.get(p.subjectId);
    if (group) group.push(p);
    else bySubject.set(p.subjectId, [p]);
  }
  const subjectless = bySubject.get(undefined) ?? [];
  bySubject.delete(undefined);
  const groups = [...bySubject.values()];
  if (groups.length) groups[0].push(...subjectless);
  else groups.push(subjectless);
  return groups.flatMap((group) => Array.from({ length: Math.ceil(group.length / MAX_STARTS) }, (_, i) => group.slice(i * MAX_STARTS, (i + 1) * MAX_STARTS)));
}
