import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleAccessForUser, type ConsoleAccess } from "@/lib/access";
import { createProjectApiKey, revokeProjectApiKey } from "@/lib/apikeys";
import { listAuditEvents, recordAudit } from "@/lib/audit";
import { platformDb } from "@/lib/db";
import { createProject, patchProject, purgeProject } from "@/lib/projects";
import { createTestConsoleUser, type TestConsoleUser } from "@/lib/testing/console";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import {
  addWorkspaceMember, createWorkspace, listWorkspaceMembers, removeWorkspaceMember, updateWorkspaceMemberRole,
} from "@/lib/workspaces";

let database: TestDatabase;
let owner: TestConsoleUser;
let access: ConsoleAccess;
let workspaceId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  owner = await createTestConsoleUser();
  workspaceId = (await createWorkspace(await consoleAccessForUser(owner), { name: "Audited" })).id;
  access = await consoleAccessForUser(owner);
});
afterAll(async () => {
  await database?.drop();
});

describe("audit log of console actions", () => {
  it("records every project mutation and lists it newest first, page by page", async () => {
    const project = await createProject(access, { name: "Audited project" });
    await patchProject(access, project.id, [{ op: "replace", path: "/name", value: "Renamed" }]);
    const key = await createProjectApiKey(access, project.id, { name: "k" });
    await revokeProjectApiKey(access, project.id, key.id);
    await purgeProject(access, project.id);

    const actions = ["project.deleted", "project.api_key.revoked", "project.api_key.created", "project.patched", "project.created"];
    const seen: string[] = [];
    const times: number[] = [];
    let pageToken: string | undefined;
    do {
      const page = await listAuditEvents(access, { workspaceId }, { pageSize: 2, pageToken });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.action));
      times.push(...page.items.map((e) => e.createdAt.getTime()));
      for (const event of page.items) expect(event.actorLabel).toBe(owner.email);
      pageToken = page.hasNextPage ? page.nextPageToken : undefined;
    } while (pageToken);
    // Newest first; events of the same millisecond may come in either order, but each exactly once.
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect([...seen].sort()).toEqual([...actions, "workspace.created"].sort());
    expect(seen[seen.length - 1]).toBe("workspace.created");

    // A deleted project's own log is gone with it; its events stay in the workspace log.
    await expect(listAuditEvents(access, { projectId: project.id })).rejects.toMatchObject({ code: "not_found" });
    const live = await createProject(access, { name: "Live" });
    expect((await listAuditEvents(access, { projectId: live.id })).items.map((e) => e.action)).toEqual(["project.created"]);
  });

  it("names the actor: a user by name and email, an API key by its name", async () => {
    const project = await createProject(access, { name: "Actors" });
    const key = await createProjectApiKey(access, project.id, { name: "CI deploy" });
    const db = await platformDb();
    await recordAudit(db, { workspaceId, projectId: project.id, actorType: "project_api_key", actorId: key.id, action: "identity.created", targetType: "identity", targetId: key.id });
    await recordAudit(db, { workspaceId, projectId: project.id, actorType: "anonymous", actorId: "", action: "selfservice.recovery.completed", targetType: "identity", targetId: key.id });
    const events = (await listAuditEvents(access, { projectId: project.id })).items;
    // Events of the same millisecond may come in either order.
    expect(events.map((e) => e.actor)).toHaveLength(4);
    expect(events.map((e) => e.actor)).toEqual(expect.arrayContaining([
      { kind: "anonymous", name: "" },
      { kind: "project_api_key", name: "CI deploy" },
      { kind: "user", name: owner.email, email: owner.email },
    ]));
  });

  it("never shows a workspace's log to outsiders", async () => {
    const outsider = await consoleAccessForUser(await createTestConsoleUser());
    await expect(listAuditEvents(outsider, { workspaceId })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("workspace members", () => {
  it("adds, re-roles and removes members, keeping at least one owner", async () => {
    const colleague = await createTestConsoleUser();
    await addWorkspaceMember(access, workspaceId, { email: colleague.email, role: "developer" });
    await expect(addWorkspaceMember(access, workspaceId, { email: colleague.email, role: "viewer" })).rejects.toMatchObject({ code: "conflict" });
    await expect(addWorkspaceMember(access, workspaceId, { email: "nobody@example.test", role: "viewer" })).rejects.toMatchObject({ code: "not_found" });
    await updateWorkspaceMemberRole(access, workspaceId, colleague.id, "admin");
    expect((await listWorkspaceMembers(access, workspaceId)).map((m) => [m.email, m.role])).toEqual([[owner.email, "owner"], [colleague.email, "admin"]]);

    // An admin cannot touch owners; the last owner cannot leave.
    const asAdmin = await consoleAccessForUser(colleague);
    await expect(updateWorkspaceMemberRole(asAdmin, workspaceId, owner.id, "viewer")).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeWorkspaceMember(access, workspaceId, owner.id)).rejects.toMatchObject({ code: "conflict" });
    await removeWorkspaceMember(access, workspaceId, colleague.id);
    expect((await listWorkspaceMembers(access, workspaceId)).map((m) => m.email)).toEqual([owner.email]);

    const actions = (await listAuditEvents(access, { workspaceId }, { pageSize: 3 })).items.map((e) => e.action);
    expect(actions.sort()).toEqual(["workspace.member.added", "workspace.member.removed", "workspace.member.role_changed"]);
  });

  it("records text PostgreSQL cannot store (NUL, lone surrogates) sanitized, never failing the change it describes", async () => {
    const db = await platformDb();
    await recordAudit(db, {
      workspaceId, actorType: "user", actorId: owner.id, action: "test.hostile", targetType: "identity", targetId: "ada\u0000\ud800",
      data: { identifier: "a\u0000b", ["k\udc00"]: ["\ud800x"], nested: { pair: "\ud83d\ude00" } }, ip: "203.0.113.1\u0000",
    });
    const row = await db.auditEvent.findFirstOrThrow({ where: { workspaceId, action: "test.hostile" } });
    expect(row.targetId).toBe("ada\ufffd\ufffd");
    expect(row.data).toEqual({ identifier: "a\ufffdb", ["k\ufffd"]: ["\ufffdx"], nested: { pair: "\ud83d\ude00" } });
    expect(row.ip).toBe("203.0.113.1\ufffd");
  });
});
