import type { Subject, Userset } from "../tuples";
import type { Row, SqlRunner } from "./sql-runner";
import type { TupleReader } from "./types";
import { UsersetLoader } from "./userset-loader";

/** Subject columns of a subject: ('', '', '', id) or (ns, obj, rel, ''). */
export function subjectColumns(subject: Subject): [string, string, string, string] {
  return subject.type === "id" ? ["", "", "", subject.id] : [subject.namespace, subject.object, subject.relation, ""];
}

export function rowSubject(row: Row): Subject {
  const namespace = String(row.subject_set_namespace ?? "");
  return namespace
    ? { type: "set", namespace, object: String(row.subject_set_object), relation: String(row.subject_set_relation) }
    : { type: "id", id: String(row.subject_id) };
}

/** The engine's reads as index lookups on relation_tuples; every statement is constrained to one project. */
export class SqlTupleStore implements TupleReader {
  readonly loader: UsersetLoader;

  constructor(private readonly run: SqlRunner, private readonly projectId: string) {
    this.loader = new UsersetLoader(run, projectId);
  }

  /** Batched and prefetching (see UsersetLoader): a chain of subject sets usually costs one round trip. */
  lookup(namespace: string, object: string, relation: string, subject: Subject | undefined) {
    return this.loader.lookup(namespace, object, relation, subject);
  }

  async subjects(namespace: string, object: string, relation: string): Promise<Subject[]> {
    const rows = await this.run("pc_perm_subjects", `SELECT subject_set_namespace, subject_set_object, subject_set_relation, subject_id FROM relation_tuples
      WHERE project_id = $1 AND namespace = $2 AND object = $3 AND relation = $4`, [this.projectId, namespace, object, relation]);
    return rows.map(rowSubject);
  }

  async holders(subject: Subject): Promise<Userset[]> {
    const rows = await this.run("pc_perm_holders", `SELECT namespace, object, relation FROM relation_tuples
      WHERE project_id = $1 AND subject_set_namespace = $2 AND subject_set_object = $3 AND subject_set_relation = $4 AND subject_id = $5`,
    [this.projectId, ...subjectColumns(subject)]);
    return rows.map((r) => ({ namespace: String(r.namespace), object: String(r.object), relation: String(r.relation) }));
  }

  async traversedFrom(namespace: string, relation: string, target: string, targetObject: string): Promise<string[]> {
    const rows = await this.run("pc_perm_traversed", `SELECT object FROM relation_tuples
      WHERE project_id = $1 AND subject_set_namespace = $2 AND subject_set_object = $3 AND namespace = $4 AND relation = $5`,
    [this.projectId, target, targetObject, namespace, relation]);
    return rows.map((r) => String(r.object));
  }

  async objectsOf(namespace: string): Promise<string[]> {
    const rows = await this.run("pc_perm_objects", `SELECT object FROM relation_tuples WHERE project_id = $1 AND namespace = $2
      UNION SELECT subject_set_object FROM relation_tuples WHERE project_id = $1 AND subject_set_namespace = $2 ORDER BY 1`, [this.projectId, namespace]);
    return rows.map((r) => String(r.object)).sort();
  }

  async storedAsSubjects(usersets: Userset[]): Promise<Userset[]> {
    if (!usersets.length) return [];
    const rows = await this.run("pc_perm_stored_as_subjects", `SELECT u.namespace, u.object, u.relation
      FROM unnest($2::text[], $3::text[], $4::text[]) AS u(namespace, object, relation)
      WHERE EXISTS (SELECT 1 FROM relation_tuples t WHERE t.project_id = $1 AND t.subject_set_namespace = u.namespace
        AND t.subject_set_object = u.object AND t.subject_set_relation = u.relation)`,
    [this.projectId, usersets.map((u) => u.namespace), usersets.map((u) => u.object), usersets.map((u) => u.relation)]);
    return rows.map((r) => ({ namespace: String(r.namespace), object: String(r.object), relation: String(r.relation) }));
  }

  async allSubjects(): Promise<Subject[]> {
    const rows = await this.run("pc_perm_all_subjects", `SELECT DISTINCT subject_set_namespace, subject_set_object, subject_set_relation, subject_id
      FROM relation_tuples WHERE project_id = $1`, [this.projectId]);
    return rows.map(rowSubject);
  }
}
