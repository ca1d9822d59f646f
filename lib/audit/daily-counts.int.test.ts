import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleAccessForWorkspaceKey } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { platformDb } from "@/lib/db";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { countAuditEventsPerDay } from "./daily-counts";

let database: TestDatabase;
let a: TestProject;
let b: TestProject;
const now = new Date("2026-03-10T12:00:00Z");

async function eventAt(project: TestProject, at: string) {
  const db = await platformDb();
  await recordAudit(db, { workspaceId: project.workspaceId, projectId: project.projectId, actorType: "system", actorId: "t", action: "test", targetType: "project", targetId: project.projectId });
  const last = await db.auditEvent.findFirst({ where: { projectId: project.projectId }, orderBy: { createdAt: "desc" } });
  await db.auditEvent.update({ where: { id: last!.id }, data: { createdAt: new Date(at) } });
}

beforeAll(async () => {
  database = await useTestDatabase();
  a = await createTestProject();
  b = await createTestProject();
  await eventAt(a, "2026-03-10T01:00:00Z");
  await eventAt(a, "2026-03-10T23:00:00Z");
  await eventAt(a, "2026-03-08T10:00:00Z");
  await eventAt(a, "2026-02-01T10:00:00Z");
  await eventAt(b, "2026-03-10T10:00:00Z");
});
afterAll(async () => {
  await database?.drop();
});

describe("countAuditEventsPerDay", () => {
  it("counts a project's events per UTC day, zero-filled, oldest first", async () => {
    const access = consoleAccessForWorkspaceKey({ id: "k", workspaceId: a.workspaceId });
    const days = await countAuditEventsPerDay(access, { projectId: a.projectId }, 3, now);
    expect(days).toEqual([
      { day: "2026-03-08", count: 1 },
      { day: "2026-03-09", count: 0 },
      { day: "2026-03-10", count: 2 },
    ]);
  });

  it("never counts another workspace's log", async () => {
    const access = consoleAccessForWorkspaceKey({ id: "k", workspaceId: a.workspaceId });
    await expect(countAuditEventsPerDay(access, { projectId: b.projectId }, 3, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(countAuditEventsPerDay(access, { workspaceId: b.workspaceId }, 3, now)).rejects.toMatchObject({ code: "not_found" });
  });
});
