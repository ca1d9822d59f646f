import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformDb, projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { createTestProject } from "@/lib/testing/fixtures";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { forgetVersions, readVersion } from "../consistency";
import { closeSqlRunner, sqlRunner } from "../store/sql-runner";
import { filesOpl } from "../testing/models";
import { setProjectOpl } from "../testing/project";
import { parseTupleString } from "../tuple-string";
import type { PermissionContext } from "./context";
import { changeRelationships } from "./writes";
import { queryRelationships } from "./reads";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => {
  await closeSqlRunner();
  await database?.drop();
});

async function context(): Promise<PermissionContext> {
  const project = await createTestProject();
  await setProjectOpl(project.projectId, project.slug, filesOpl);
  const record = (await findProjectBySlug(project.slug))!;
  return { project: record, db: await projectDb(record.id), actor: { type: "project_api_key", id: "key" } };
}

const tuple = (i: number) => parseTupleString(`Folder:f${i}#viewers@user${i}`);
const stored = async (ctx: PermissionContext) => (await queryRelationships(ctx, { namespace: "Folder" }, { size: 1000 })).tuples.length;

describe("relationship writes", () => {
  it("gives concurrent single writes monotonic, gap-free tokens, writes several per statement and loses none", async () => {
    const ctx = await context();
    const seqs = await Promise.all(Array.from({ length: 40 }, (_, i) => changeRelationships(ctx, { insert: [tuple(i)] }, "permissions.relationship.create")));
    const distinct = [...new Set(seqs)].sort((x, y) => x - y);
    expect(distinct).toEqual(Array.from({ length: distinct.length }, (_, i) => i + 1));
    expect(distinct.length).toBeLessThan(40); // group commit: queued writes share a statement
    expect(await stored(ctx)).toBe(40);
    forgetVersions();
    expect(await readVersion(await sqlRunner(), ctx.project.id)).toBe(distinct.at(-1));
    // Every tuple carries the sequence of the write that stored it, and each request has its audit event.
    const rows = await (await sqlRunner())("", "SELECT object, commit_seq FROM relation_tuples WHERE project_id = $1::uuid", [ctx.project.id]);
    const seqOf = new Map(rows.map((r) => [String(r.object), Number(r.commit_seq)]));
    seqs.forEach((seq, i) => expect(seqOf.get(`f${i}`)).toBe(seq));
    const audits = await (await platformDb()).auditEvent.findMany({ where: { projectId: ctx.project.id, action: "permissions.relationship.create" } });
    expect(audits.map((a) => Number(a.targetId)).sort((x, y) => x - y)).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(audits.map((a) => JSON.stringify(a.data)))).toEqual(new Set([JSON.stringify({ deleted: 0, inserted: 1 })]));
    // A later write gets a later token; re-inserting a stored tuple still takes a token but inserts nothing.
    const later = await changeRelationships(ctx, { insert: [tuple(0)] }, "permissions.relationship.again");
    expect(later).toBe(distinct.at(-1)! + 1);
    const [again] = await (await platformDb()).auditEvent.findMany({ where: { projectId: ctx.project.id, action: "permissions.relationship.again" } });
    expect(again.data).toEqual({ inserted: 0, deleted: 0 });
  });

  it("applies a PATCH that deletes and re-inserts a tuple as delete-then-insert, atomically", async () => {
    const ctx = await context();
    await changeRelationships(ctx, { insert: [tuple(1), tuple(2)] }, "t");
    const seq = await changeRelationships(ctx, { delete: [tuple(1), tuple(2)], insert: [tuple(1), tuple(3)] }, "permissions.relationships.patch");
    expect(seq).toBe(2);
    const objects = (await queryRelationships(ctx, { namespace: "Folder" }, { size: 10 })).tuples.map((t) => t.object);
    expect(objects).toEqual(["f1", "f3"]);
    const [audit] = await (await platformDb()).auditEvent.findMany({ where: { projectId: ctx.project.id, action: "permissions.relationships.patch" } });
    expect(audit.data).toEqual({ inserted: 2, deleted: 2 });
    // An invalid tuple fails the whole PATCH: nothing is deleted, the sequence does not move.
    await expect(changeRelationships(ctx, { delete: [tuple(1)], insert: [parseTupleString("Nope:x#viewers@u")] }, "t")).rejects.toThrow();
    expect(await stored(ctx)).toBe(2);
  });

  it("deletes by filter in one statement and reports the count", async () => {
    const ctx = await context();
    await changeRelationships(ctx, { insert: [tuple(1), tuple(2), parseTupleString("Folder:f9#viewers@user1")] }, "t");
    const seq = await changeRelationships(ctx, { deleteWhere: { namespace: "Folder", subject: { type: "id", id: "user1" } } }, "permissions.relationships.delete");
    expect(seq).toBe(2);
    expect(await stored(ctx)).toBe(1);
    const [audit] = await (await platformDb()).auditEvent.findMany({ where: { projectId: ctx.project.id, action: "permissions.relationships.delete" } });
    expect(audit.data).toEqual({ inserted: 0, deleted: 2, filter: { namespace: "Folder", subject: { type: "id", id: "user1" } } });
  });
});
