import pg from "pg";

/** The benchmark model: checks that resolve through 1, 3 and 5 relation hops. */
export const benchOpl = `class User implements Namespace {}
class Team implements Namespace { related: { members: User[] } }
class Group implements Namespace { related: { members: (User | SubjectSet<Team, "members">)[] } }
class Folder implements Namespace {
  related: { viewers: (User | SubjectSet<Group, "members">)[] }
  permits = { view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) }
}
class Doc implements Namespace {
  related: {
    owners: User[]
    parents: Folder[]
    viewers: (User | SubjectSet<Group, "members">)[]
  }
  permits = {
    read: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject),
    view: (ctx: Context): boolean => this.permits.read(ctx) || this.related.parents.traverse((f) => f.permits.view(ctx)),
  }
}
`;

export const SIZES = { users: 50_000, teams: 5_000, groups: 10_000, folders: 20_000, docs: 100_000, groupMembers: 37, teamMembers: 20 };
const S = SIZES;

const insert = (select: string) => `INSERT INTO relation_tuples (project_id, namespace, object, relation, subject_set_namespace, subject_set_object, subject_set_relation, subject_id, commit_seq) ${select}`;

/** 1,000,000 tuples, generated inside PostgreSQL (generate_series): the fastest way to load them. */
const STATEMENTS = [
  insert(`SELECT $1::uuid, 'Group', 'g' || g, 'members', '', '', '', 'u' || ((g * ${S.groupMembers} + j) % ${S.users}), 1 FROM generate_series(0, ${S.groups - 1}) g, generate_series(0, ${S.groupMembers - 1}) j`),
  insert(`SELECT $1::uuid, 'Team', 't' || t, 'members', '', '', '', 'u' || ((t * ${S.teamMembers} + j + 7) % ${S.users}), 1 FROM generate_series(0, ${S.teams - 1}) t, generate_series(0, ${S.teamMembers - 1}) j`),
  insert(`SELECT $1::uuid, 'Group', 'g' || g, 'members', 'Team', 't' || (g % ${S.teams}), 'members', '', 1 FROM generate_series(0, ${S.groups - 1}) g`),
  insert(`SELECT $1::uuid, 'Folder', 'f' || f, 'viewers', 'Group', 'g' || (f % ${S.groups}), 'members', '', 1 FROM generate_series(0, ${S.folders - 1}) f`),
  insert(`SELECT $1::uuid, 'Folder', 'f' || f, 'viewers', '', '', '', 'u' || ((f * 5 + j + 13) % ${S.users}), 1 FROM generate_series(0, ${S.folders - 1}) f, generate_series(0, 4) j`),
  insert(`SELECT $1::uuid, 'Doc', 'd' || d, 'owners', '', '', '', 'u' || (d % ${S.users}), 1 FROM generate_series(0, ${S.docs - 1}) d`),
  insert(`SELECT $1::uuid, 'Doc', 'd' || d, 'parents', 'Folder', 'f' || (d % ${S.folders}), '', '', 1 FROM generate_series(0, ${S.docs - 1}) d`),
  insert(`SELECT $1::uuid, 'Doc', 'd' || d, 'viewers', 'Group', 'g' || ((d * 7) % ${S.groups}), 'members', '', 1 FROM generate_series(0, ${S.docs - 1}) d`),
  insert(`SELECT $1::uuid, 'Doc', 'd' || d, 'viewers', '', '', '', 'u' || ((d * 3 + 1) % ${S.users}), 1 FROM generate_series(0, ${S.docs - 1}) d`),
];

export async function loadTuples(url: string, projectId: string): Promise<{ tuples: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  let tuples = 0;
  for (const sql of STATEMENTS) tuples += (await client.query(sql, [projectId])).rowCount ?? 0;
  await client.query("INSERT INTO permission_sequences (project_id, seq) VALUES ($1, 1) ON CONFLICT (project_id) DO UPDATE SET seq = 1", [projectId]);
  const seconds = (performance.now() - started) / 1000;
  // As an established deployment would be: statistics current, hint bits set, and the load's dirty pages written
  // out now rather than by a checkpoint in the middle of the measurements.
  await client.query("VACUUM ANALYZE relation_tuples");
  await client.query("CHECKPOINT");
  await client.end();
  return { tuples, seconds };
}

const pick = (n: number) => Math.floor(Math.random() * n);
const user = (n: number) => `u${((n % S.users) + S.users) % S.users}`;

/** A check question for a model depth; about half of them are granted. */
export function checkPath(depth: 1 | 3 | 5): string {
  const d = pick(S.docs);
  const granted = Math.random() < 0.5;
  const q = (relation: string, subject: string) => `/relation-tuples/check/openapi?namespace=Doc&object=d${d}&relation=${relation}&subject_id=${subject}`;
  if (depth === 1) return q("owners", granted ? user(d) : user(pick(S.users)));
  if (depth === 3) return q("read", granted ? user(((d * 7) % S.groups) * S.groupMembers + pick(S.groupMembers)) : user(pick(S.users)));
  const team = ((d % S.folders) % S.groups) % S.teams;
  return q("view", granted ? user(team * S.teamMembers + pick(S.teamMembers) + 7) : user(pick(S.users)));
}

export function randomTupleBody(): string {
  return JSON.stringify({ namespace: "Doc", object: `w${pick(10_000_000)}`, relation: "viewers", subject_id: user(pick(S.users)) });
}
