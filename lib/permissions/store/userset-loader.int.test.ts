import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/core/ids";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { permissionSettings, withOpl } from "../config";
import { checkPermission } from "../engine/check";
import { parseTupleString } from "../tuple-string";
import { subjectId, subjectSet, type RelationTuple } from "../tuples";
import { MemoryTupleStore } from "./memory";
import { SqlTupleStore, subjectColumns } from "./sql";
import { closeSqlRunner, sqlRunner, type SqlRunner } from "./sql-runner";

const opl = `class User implements Namespace {}
class Team implements Namespace { related: { members: (User | SubjectSet<Team, "members">)[] } }
class Group implements Namespace { related: { members: (User | SubjectSet<Team, "members"> | SubjectSet<Group, "members">)[] } }
class Folder implements Namespace {
  related: { viewers: (User | SubjectSet<Group, "members">)[] }
  permits = { view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) }
}
class Doc implements Namespace {
  related: { parents: Folder[], viewers: (User | SubjectSet<Group, "members">)[] }
  permits = { view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) || this.related.parents.traverse((f) => f.permits.view(ctx)) }
}`;
const settings = permissionSettings(withOpl({}, opl));
const model = settings.model;

let database: TestDatabase;
let run: SqlRunner;
beforeAll(async () => {
  database = await useTestDatabase();
  run = await sqlRunner();
});
afterAll(async () => {
  await closeSqlRunner();
  await database?.drop();
});

async function project(tuples: RelationTuple[]): Promise<string> {
  const projectId = newId();
  const cols: string[][] = [[], [], [], [], [], [], []];
  for (const t of tuples) [t.namespace, t.object, t.relation, ...subjectColumns(t.subject)].forEach((v, i) => cols[i].push(v));
  await run("", `INSERT INTO relation_tuples (project_id, namespace, object, relation, subject_set_namespace, subject_set_object, subject_set_relation, subject_id, commit_seq)
    SELECT $1::uuid, t.*, 1 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t ON CONFLICT DO NOTHING`, [projectId, ...cols]);
  return projectId;
}

const chain = [
  "Doc:d#viewers@Group:g#members", "Group:g#members@Team:t#members", "Team:t#members@alice",
  "Doc:d#parents@Folder:f", "Folder:f#viewers@Group:g2#members", "Group:g2#members@bob",
  "Group:loop#members@Group:loop2#members", "Group:loop2#members@Group:loop#members", "Doc:c#viewers@Group:loop#members",
].map(parseTupleString);

describe("batched userset lookups (one query per level, subject-set chains prefetched)", () => {
  it("uses a valid model", () => expect(settings.errors).toEqual([]));

  it("answers a depth-3 chain with one query and a traversal with two, as the in-memory store does", async () => {
    const projectId = await project(chain);
    const memory = new MemoryTupleStore(chain);
    const cases: [string, number][] = [["Doc:d#view@alice", 2], ["Doc:d#view@bob", 2], ["Doc:d#view@carol", 2], ["Doc:c#view@alice", 1], ["Doc:d#viewers@alice", 1]];
    for (const [question, queries] of cases) {
      const t = parseTupleString(question);
      const store = new SqlTupleStore(run, projectId);
      const outcome = await checkPermission(model, store, t, t.subject, { maxDepth: 5 });
      const expected = await checkPermission(model, memory, t, t.subject, { maxDepth: 5 });
      expect(outcome.membership, question).toBe(expected.membership);
      expect(store.loader.queries, question).toBe(queries);
    }
  });

  it("collects lookups made in the same turn into one statement, subject-less ones included", async () => {
    const projectId = await project(chain);
    const store = new SqlTupleStore(run, projectId);
    const [viewers, parents, team] = await Promise.all([
      store.lookup("Doc", "d", "viewers", subjectId("alice")),
      store.lookup("Doc", "d", "parents", undefined),
      store.lookup("Team", "t", "members", subjectId("alice")),
    ]);
    expect(store.loader.queries).toBe(1);
    expect(viewers).toEqual({ direct: false, sets: [{ namespace: "Group", object: "g", relation: "members" }] });
    expect(parents).toEqual({ direct: false, sets: [{ namespace: "Folder", object: "f", relation: "" }] });
    expect(team.direct).toBe(true);
    // Prefetched: the group under Doc:d#viewers is known without another query, for the same subject…
    expect(await store.lookup("Group", "g", "members", subjectId("alice"))).toEqual({ direct: false, sets: [{ namespace: "Team", object: "t", relation: "members" }] });
    expect(store.loader.queries).toBe(1);
    // …but not for another subject, whose direct tuple was not looked for.
    expect((await store.lookup("Group", "g2", "members", subjectId("bob"))).direct).toBe(true);
    expect(store.loader.queries).toBe(2);
    expect((await store.lookup("Doc", "d", "viewers", subjectSet("Group", "g", "members"))).direct).toBe(true);
  });

  it("returns every subject set of a userset wider than one query's row limit", async () => {
    const wide = Array.from({ length: 2100 }, (_, i) => parseTupleString(`Group:wide#members@Team:t${i}#members`));
    const projectId = await project([...wide, parseTupleString("Team:t2099#members@zoe")]);
    const store = new SqlTupleStore(run, projectId);
    const { sets } = await store.lookup("Group", "wide", "members", subjectId("zoe"));
    expect(sets).toHaveLength(2100);
    const t = parseTupleString("Group:wide#members@zoe");
    expect((await checkPermission(model, new SqlTupleStore(run, projectId), t, t.subject, { maxDepth: 3 })).membership).toBe("member");
  });
});
