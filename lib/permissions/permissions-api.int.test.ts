import { Configuration, PermissionApi, RelationshipApi, ResponseError } from "@ory/client-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { closeSqlRunner } from "./store/sql-runner";
import { filesOpl } from "./testing/models";
import { setProjectOpl } from "./testing/project";

let database: TestDatabase;
let server: TestServer;
let a: TestProject;
let b: TestProject;

const clients = (project: TestProject, key = project.apiKey) => {
  const configuration = new Configuration({ basePath: `${server.url}/p/${project.slug}`, accessToken: key });
  return { permission: new PermissionApi(configuration), relationship: new RelationshipApi(configuration) };
};

const raw = (project: TestProject, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/p/${project.slug}${path}`, { ...init, headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json", ...init.headers } });

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  a = await createTestProject();
  b = await createTestProject();
  await setProjectOpl(a.projectId, a.slug, filesOpl);
  await setProjectOpl(b.projectId, b.slug, filesOpl);
});
afterAll(async () => {
  await server?.close();
  await closeSqlRunner();
  await database?.drop();
});

describe("Keto API through @ory/client-fetch", () => {
  it("writes, reads, checks, expands and deletes relationships", async () => {
    const { permission, relationship } = clients(a);
    const created = await relationship.createRelationship({
      createRelationshipBody: { namespace: "Group", object: "dev", relation: "members", subject_set: { namespace: "User", object: "alice", relation: "" } },
    });
    expect(created).toMatchObject({ namespace: "Group", object: "dev", relation: "members" });
    await relationship.patchRelationships({
      relationshipPatch: [
        { action: "insert", relation_tuple: { namespace: "Folder", object: "keto", relation: "viewers", subject_set: { namespace: "Group", object: "dev", relation: "members" } } },
        { action: "insert", relation_tuple: { namespace: "File", object: "README.md", relation: "parents", subject_set: { namespace: "Folder", object: "keto", relation: "" } } },
        { action: "insert", relation_tuple: { namespace: "File", object: "README.md", relation: "owners", subject_id: "carol" } },
      ],
    });

    const alice = { namespace: "File", object: "README.md", relation: "view", subjectSetNamespace: "User", subjectSetObject: "alice", subjectSetRelation: "" };
    expect(await permission.checkPermission(alice)).toEqual({ allowed: true });
    expect(await permission.checkPermission({ ...alice, relation: "edit" })).toEqual({ allowed: false });
    expect(await permission.checkPermission({ namespace: "File", object: "README.md", relation: "edit", subjectId: "carol" })).toEqual({ allowed: true });
    expect(await permission.postCheckPermission({ postCheckPermissionBody: { namespace: "File", object: "README.md", relation: "view", subject_id: "carol" } })).toEqual({ allowed: true });
    await expect(permission.checkPermissionOrError({ ...alice, relation: "edit" })).rejects.toBeInstanceOf(ResponseError);
    expect(await permission.checkPermissionOrError(alice)).toEqual({ allowed: true });

    const batch = await permission.batchCheckPermission({
      batchCheckPermissionBody: {
        tuples: [
          { namespace: "File", object: "README.md", relation: "view", subject_id: "carol" },
          { namespace: "File", object: "README.md", relation: "edit", subject_id: "nobody" },
          { namespace: "Nope", object: "x", relation: "view", subject_id: "carol" },
        ],
      },
    });
    expect(batch.results.map((r) => r.allowed)).toEqual([true, false, false]);
    expect(batch.results[2].error).toMatch(/Unknown namespace/);

    const page1 = await relationship.getRelationships({ namespace: "File", pageSize: 1 });
    expect(page1.relation_tuples).toHaveLength(1);
    expect(page1.next_page_token).not.toBe("");
    const page2 = await relationship.getRelationships({ namespace: "File", pageSize: 1, pageToken: page1.next_page_token });
    expect(page2.relation_tuples).toHaveLength(1);
    expect(page2.next_page_token).toBe("");
    expect(page2.relation_tuples![0]).not.toEqual(page1.relation_tuples![0]);

    const tree = await permission.expandPermissions({ namespace: "Folder", object: "keto", relation: "viewers", maxDepth: 3 });
    expect(tree.type).toBe("union");
    expect(tree.children?.[0].tuple?.subject_set).toEqual({ namespace: "Group", object: "dev", relation: "members" });

    expect((await relationship.listRelationshipNamespaces()).namespaces?.map((n) => n.name).sort()).toEqual(["File", "Folder", "Group", "User"]);

    await relationship.deleteRelationships({ namespace: "File", object: "README.md", relation: "parents" });
    expect(await permission.checkPermission(alice)).toEqual({ allowed: false });
  });

  it("reports OPL syntax errors with line and column", async () => {
    const { relationship } = clients(a);
    expect((await relationship.checkOplSyntax({ body: filesOpl })).errors).toEqual([]);
    const result = await relationship.checkOplSyntax({ body: "class A implements Namespace {\n  permits = { v: (ctx) => this.related.x.includes(ctx.subject) }\n}" });
    expect(result.errors?.[0]).toMatchObject({ start: { Line: 2 } });
    expect(result.errors?.[0].message).toMatch(/no relation or permission named x/);
  });
});

describe("beyond Keto", () => {
  it("returns consistency tokens on writes and honours them on reads", async () => {
    const put = await raw(a, "/admin/relation-tuples", { method: "PUT", body: JSON.stringify({ namespace: "File", object: "t.txt", relation: "viewers", subject_id: "tina" }) });
    expect(put.status).toBe(201);
    const token = put.headers.get("x-ory-consistency-token")!;
    expect((await put.json()).consistency_token).toBe(token);
    const check = await raw(a, `/relation-tuples/check?namespace=File&object=t.txt&relation=view&subject_id=tina&consistency_token=${token}`);
    expect(check.status).toBe(200);
    expect((await raw(b, `/relation-tuples?namespace=File&consistency_token=${token}`)).status).toBe(400);
    const del = await raw(a, "/admin/relation-tuples?namespace=File&object=t.txt", { method: "DELETE" });
    const after = del.headers.get("x-ory-consistency-token")!;
    expect(after).not.toBe(token);
    expect((await raw(a, `/relation-tuples/check?namespace=File&object=t.txt&relation=view&subject_id=tina&consistency_token=${after}`)).status).toBe(403);
  });

  it("lists objects and subjects with check's semantics, paged", async () => {
    const { relationship } = clients(a);
    await relationship.patchRelationships({
      relationshipPatch: ["a.txt", "b.txt", "c.txt"].map((object) => ({
        action: "insert" as const,
        relation_tuple: { namespace: "File", object, relation: "parents", subject_set: { namespace: "Folder", object: "docs", relation: "" } },
      })).concat([{ action: "insert", relation_tuple: { namespace: "Folder", object: "docs", relation: "viewers", subject_id: "lisa" } } as never]),
    });
    const first = await (await raw(a, "/relation-tuples/list-objects?namespace=File&relation=view&subject_id=lisa&page_size=2")).json();
    expect(first.objects).toEqual(["a.txt", "b.txt"]);
    const second = await (await raw(a, `/relation-tuples/list-objects?namespace=File&relation=view&subject_id=lisa&page_size=2&page_token=${first.next_page_token}`)).json();
    expect(second).toEqual({ objects: ["c.txt"], next_page_token: "" });
    const subjects = await (await raw(a, "/relation-tuples/list-subjects?namespace=File&object=b.txt&relation=view")).json();
    expect(subjects.subjects).toContainEqual({ subject_id: "lisa" });
  });

  it("explains why a check is allowed", async () => {
    const response = await raw(a, "/relation-tuples/check/openapi?explain=true&namespace=File&object=a.txt&relation=view&subject_id=lisa");
    const body = await response.json();
    expect(body.allowed).toBe(true);
    expect(body.path.map((n: { label: string }) => n.label)).toContain("Folder:docs#viewers");
  });
});

describe("bad input", () => {
  it("rejects malformed tuples, unknown namespaces and questions about relations the namespace does not declare", async () => {
    const put = (body: unknown) => raw(a, "/admin/relation-tuples", { method: "PUT", body: JSON.stringify(body) });
    expect((await put({ namespace: "File", object: "x", relation: "viewers" })).status).toBe(400);
    expect((await put({ namespace: "File", object: "x", relation: "viewers", subject_id: "a", subject_set: { namespace: "User", object: "a", relation: "" } })).status).toBe(400);
    const unknownNs = await put({ namespace: "Nope", object: "x", relation: "viewers", subject_id: "a" });
    expect(unknownNs.status).toBe(400);
    expect((await unknownNs.json()).error.message).toMatch(/Unknown namespace/);
    expect((await put({ namespace: "File", object: "x", relation: "viewers", subject_set: { namespace: "Nope", object: "g", relation: "" } })).status).toBe(400);
    expect((await raw(a, "/admin/relation-tuples", { method: "PUT", body: "{not json" })).status).toBe(400);
    const undeclared = await raw(a, "/relation-tuples/check?namespace=File&object=x&relation=nope&subject_id=a");
    expect(undeclared.status).toBe(400);
    expect((await undeclared.json()).error.reason).toBe('relation "nope" does not exist');
    expect((await raw(a, "/relation-tuples/check?namespace=File&object=x&relation=view")).status).toBe(400);
    expect((await raw(a, "/relation-tuples?namespace=Nope")).status).toBe(404);
    expect((await raw(a, "/admin/relation-tuples", { method: "DELETE" })).status).toBe(400);
    expect((await raw(a, "/relation-tuples?page_token=garbage")).status).toBe(400);
  });

  it("clamps abusive depths and rejects non-numeric ones", async () => {
    expect((await raw(a, "/relation-tuples/check/openapi?namespace=File&object=x&relation=view&subject_id=a&max-depth=99999999")).status).toBe(200);
    expect((await raw(a, "/relation-tuples/check/openapi?namespace=File&object=x&relation=view&subject_id=a&max-depth=deep")).status).toBe(400);
  });

  it("rolls back a PATCH with one bad tuple", async () => {
    const response = await raw(a, "/admin/relation-tuples", {
      method: "PATCH",
      body: JSON.stringify([
        { action: "insert", relation_tuple: { namespace: "File", object: "rollback", relation: "viewers", subject_id: "r" } },
        { action: "insert", relation_tuple: { namespace: "Nope", object: "rollback", relation: "viewers", subject_id: "r" } },
      ]),
    });
    expect(response.status).toBe(400);
    expect((await (await raw(a, "/relation-tuples?namespace=File&object=rollback")).json()).relation_tuples).toEqual([]);
  });
});

describe("tenant isolation", () => {
  it("project B never sees or changes A's tuples, and A's key does not work on B", async () => {
    await raw(a, "/admin/relation-tuples", { method: "PUT", body: JSON.stringify({ namespace: "File", object: "secret", relation: "owners", subject_id: "sam" }) });
    expect((await (await raw(b, "/relation-tuples?namespace=File")).json()).relation_tuples).toEqual([]);
    expect((await raw(b, "/relation-tuples/check?namespace=File&object=secret&relation=edit&subject_id=sam")).status).toBe(403);
    expect((await (await raw(b, "/relation-tuples/list-objects?namespace=File&relation=edit&subject_id=sam")).json()).objects).toEqual([]);
    await raw(b, "/admin/relation-tuples?namespace=File", { method: "DELETE" });
    expect((await raw(a, "/relation-tuples/check?namespace=File&object=secret&relation=edit&subject_id=sam")).status).toBe(200);
    const foreign = await fetch(`${server.url}/p/${b.slug}/relation-tuples?namespace=File`, { headers: { authorization: `Bearer ${a.apiKey}` } });
    expect(foreign.status).toBe(401);
    expect((await fetch(`${server.url}/p/${a.slug}/relation-tuples/check?namespace=File&object=secret&relation=edit&subject_id=sam`)).status).toBe(401);
  });
});
