import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleAccessForUser, type ConsoleAccess } from "@/lib/access";
import { projectDb } from "@/lib/db";
import { parseTupleString } from "@/lib/permissions/tuple-string";
import { createProject } from "@/lib/projects";
import { createTestConsoleUser } from "@/lib/testing/console";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createWorkspace } from "@/lib/workspaces";
import { addRelationship, deleteRelationship, explainCheck, objectRelationships, saveOpl, STARTER_MODELS } from "./index";

let database: TestDatabase;
let access: ConsoleAccess;
let projectId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  const user = await createTestConsoleUser();
  const workspaceId = (await createWorkspace(await consoleAccessForUser(user), { name: "Perms" })).id;
  access = await consoleAccessForUser(user);
  projectId = (await createProject(access, { name: "Docs", workspaceId })).id;
});
afterAll(async () => database?.drop());

describe("console relationship writes", () => {
  it("stores a starter model, writes its sample, answers its check, deletes, and audits like the API", async () => {
    const starter = STARTER_MODELS[0]!;
    expect((await saveOpl(access, projectId, starter.opl)).errors).toEqual([]);
    for (const tuple of starter.sample) await addRelationship(access, projectId, parseTupleString(tuple));
    const question = parseTupleString(starter.check);
    expect((await explainCheck(access, projectId, question)).allowed).toBe(true);

    const graph = await objectRelationships(access, projectId, "Folder", "handbook");
    expect(graph.tuples).toEqual([parseTupleString("Folder:handbook#viewers@Group:engineering#members")]);

    await deleteRelationship(access, projectId, parseTupleString(starter.sample[0]!));
    expect((await explainCheck(access, projectId, question)).allowed).toBe(false);

    const db = await projectDb(projectId);
    expect(await db.auditEvent.count({ where: { action: "permissions.relationship.create" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "permissions.relationships.delete" } })).toBe(1);
  });

  it("refuses a relationship in an undeclared namespace (400), as the API does", async () => {
    await expect(addRelationship(access, projectId, parseTupleString("Nope:x#r@alice"))).rejects.toMatchObject({ code: "bad_request" });
  });
});
