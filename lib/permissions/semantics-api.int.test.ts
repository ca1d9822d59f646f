import { Configuration, PermissionApi, RelationshipApi, ResponseError, type Relationship } from "@ory/client-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleClients } from "@/lib/testing/console";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { oplNamespaces } from "./config";
import { closeSqlRunner } from "./store/sql-runner";
import { setProjectOpl } from "./testing/project";
import { parseTupleString } from "./tuple-string";

let database: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
});
afterAll(async () => {
  await server?.close();
  await closeSqlRunner();
  await database?.drop();
});

const clients = (project: TestProject) => {
  const configuration = new Configuration({ basePath: `${server.url}/p/${project.slug}`, accessToken: project.apiKey });
  return { permission: new PermissionApi(configuration), relationship: new RelationshipApi(configuration) };
};

/** Keto's JSON for a tuple in Keto's string notation. */
function relationship(text: string): Relationship {
  const t = parseTupleString(text);
  return {
    namespace: t.namespace, object: t.object, relation: t.relation,
    ...(t.subject.type === "id" ? { subject_id: t.subject.id } : { subject_set: { namespace: t.subject.namespace, object: t.subject.object, relation: t.subject.relation } }),
  };
}

async function allowed(project: TestProject, question: string): Promise<boolean> {
  const r = relationship(question);
  const subject = r.subject_set ? { subjectSetNamespace: r.subject_set.namespace, subjectSetObject: r.subject_set.object, subjectSetRelation: r.subject_set.relation } : { subjectId: r.subject_id };
  return (await clients(project).permission.checkPermission({ namespace: r.namespace, object: r.object, relation: r.relation, ...subject })).allowed;
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; error: { id?: string; reason?: string; message?: string } }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ResponseError) return { status: error.response.status, error: (await error.response.json()).error };
    throw error;
  }
  throw new Error("expected the request to be refused");
}

describe("non-strict mode through Keto's API: a namespace-only OPL stores and follows any relation", () => {
  it("accepts the writes and answers checks, list-objects and expand", async () => {
    const project = await createTestProject();
    await setProjectOpl(project.projectId, project.slug, "class Folder implements Namespace {}");
    const ring = ["Folder:a#parent@Folder:b#parent", "Folder:b#parent@Folder:c#parent", "Folder:c#parent@Folder:a#parent", "Folder:c#parent@ann"];
    await clients(project).relationship.patchRelationships({ relationshipPatch: ring.map((t) => ({ action: "insert" as const, relation_tuple: relationship(t) })) });
    for (const question of ["Folder:a#parent@Folder:a#parent", "Folder:a#parent@Folder:c#parent", "Folder:b#parent@Folder:a#parent", "Folder:a#parent@ann"]) {
      expect(await allowed(project, question), question).toBe(true);
    }
    expect(await allowed(project, "Folder:a#parent@bob")).toBe(false);
    const listed = await fetch(`${server.url}/p/${project.slug}/relation-tuples/list-objects?namespace=Folder&relation=parent&subject_id=ann`, { headers: { authorization: `Bearer ${project.apiKey}` } });
    expect((await listed.json()).objects).toEqual(["a", "b", "c"]);
    const tree = await clients(project).permission.expandPermissions({ namespace: "Folder", object: "c", relation: "parent", maxDepth: 2 });
    expect(tree.children?.map((c) => c.tuple?.subject_id ?? c.tuple?.subject_set?.object).sort()).toEqual(["a", "ann"]);
  });
});

const docsOpl = `class User implements Namespace {}
class Group implements Namespace { related: { members: User[] } }
class Doc implements Namespace {
  related: { viewers: (User | SubjectSet<Group, "members">)[] }
  permits = { view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) }
}`;

describe("strict mode (namespaces.experimental_strict_mode) through the console API and Keto's API", () => {
  it("is set together with the OPL by a project PATCH, refuses non-conforming writes and ignores what it rules out", async () => {
    const project = await createTestProject();
    const { projects } = consoleClients(server.url, project.workspaceKey);
    const { relationship: keto } = clients(project);
    const setNamespaces = (strict: boolean) => projects.patchProject({
      projectId: project.projectId,
      jsonPatch: [{ op: "add", path: "/services/permission/config/namespaces", value: oplNamespaces(docsOpl, strict) }],
    });
    await setNamespaces(false);
    // Written in non-strict mode (Keto accepts them): under a permission's name, and of an undeclared subject type.
    await keto.createRelationship({ createRelationshipBody: relationship("Doc:d#view@eve") });
    await keto.createRelationship({ createRelationshipBody: relationship("Doc:d#viewers@Group:g") });
    expect(await allowed(project, "Doc:d#view@eve")).toBe(true);

    const saved = await setNamespaces(true);
    expect(saved.project.services.permission?.config).toMatchObject({ namespaces: { experimental_strict_mode: true } });
    expect(await allowed(project, "Doc:d#view@eve")).toBe(false);
    expect(await allowed(project, "Doc:d#viewers@Group:g")).toBe(false);

    await keto.createRelationship({ createRelationshipBody: relationship("Doc:d#viewers@Group:g#members") });
    await keto.createRelationship({ createRelationshipBody: relationship("Group:g#members@ann") });
    expect(await allowed(project, "Doc:d#view@ann")).toBe(true);

    const permit = await refusal(keto.createRelationship({ createRelationshipBody: relationship("Doc:d#view@mallory") }));
    expect(permit.status).toBe(400);
    expect(permit.error.message).toMatch(/permission/);
    const undeclared = await refusal(keto.createRelationship({ createRelationshipBody: relationship("Doc:d#owners@mallory") }));
    expect(undeclared).toMatchObject({ status: 400, error: { id: "unknown_relation", reason: 'relation "owners" does not exist' } });
    const mistyped = await refusal(keto.createRelationship({ createRelationshipBody: relationship("Group:g#members@Group:h#members") }));
    expect(mistyped).toMatchObject({ status: 400, error: { id: "subject_type_mismatch" } });
    // A PATCH with one non-conforming insert stores nothing.
    await refusal(keto.patchRelationships({ relationshipPatch: ["Group:g#members@bo", "Group:g#members@Doc:d#view"].map((t) => ({ action: "insert" as const, relation_tuple: relationship(t) })) }));
    expect(await allowed(project, "Doc:d#view@bo")).toBe(false);

    // What strict mode rules out can still be deleted.
    await keto.deleteRelationships({ namespace: "Doc", object: "d", relation: "view", subjectId: "eve" });
    expect((await keto.getRelationships({ namespace: "Doc", relation: "view" })).relation_tuples).toEqual([]);
  });
});
