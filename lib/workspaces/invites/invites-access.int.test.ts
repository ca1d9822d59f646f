import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleAccessForUser, consoleAccessForWorkspaceKey } from "@/lib/access";
import { preparePlatform } from "@/lib/console/bootstrap";
import { platformDb } from "@/lib/db";
import { RateLimitedError } from "@/lib/ratelimit";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createTestConsoleUser, createTestWorkspace, type TestWorkspace } from "@/lib/testing/console";
import {
  acceptInvitationWithNewAccount, createWorkspaceInvite, findInvitation, listWorkspaceInvites, resendWorkspaceInvite, revokeWorkspaceInvite,
} from "./index";

let database: TestDatabase;
let a: TestWorkspace;
let b: TestWorkspace;
const delivery = { origin: "http://localhost:3000" };
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
const password = { password: "a long and unusual passphrase 42" };

beforeAll(async () => {
  database = await useTestDatabase();
  await preparePlatform();
  [a, b] = [await createTestWorkspace(), await createTestWorkspace()];
}, 180_000);
afterAll(async () => {
  await database?.drop();
});

describe("who may invite", () => {
  it("refuses developers and viewers; only owners invite (or resend, revoke) owners", async () => {
    const access = async (role: "admin" | "developer" | "viewer") => consoleAccessForUser(await createTestConsoleUser({ workspaceId: a.workspaceId, role }));
    for (const role of ["developer", "viewer"] as const) {
      await expect(createWorkspaceInvite(await access(role), a.workspaceId, { email: `by-${role}@example.test`, role: "viewer" }, delivery)).rejects.toMatchObject({ code: "forbidden" });
    }
    const admin = await access("admin");
    await expect(createWorkspaceInvite(admin, a.workspaceId, { email: "boss@example.test", role: "owner" }, delivery)).rejects.toMatchObject({ code: "forbidden" });
    const ownerInvite = await createWorkspaceInvite(await consoleAccessForUser(a.owner), a.workspaceId, { email: "boss@example.test", role: "owner" }, delivery);
    await expect(revokeWorkspaceInvite(admin, a.workspaceId, ownerInvite.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(resendWorkspaceInvite(admin, a.workspaceId, ownerInvite.id, delivery)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createWorkspaceInvite(admin, a.workspaceId, { email: "colleague@example.test", role: "admin" }, delivery)).resolves.toMatchObject({ role: "admin" });
    // Every member reads the pending invitations.
    expect((await listWorkspaceInvites(await access("viewer"), a.workspaceId)).map((i) => i.email)).toEqual(expect.arrayContaining(["boss@example.test", "colleague@example.test"]));
    expect((await (await platformDb()).workspaceInvite.count({ where: { email: { startsWith: "by-" } } }))).toBe(0);
  });

  it("refuses a second pending invitation and invitations to members", async () => {
    const owner = await consoleAccessForUser(a.owner);
    await createWorkspaceInvite(owner, a.workspaceId, { email: "twice@example.test", role: "viewer" }, delivery);
    await expect(createWorkspaceInvite(owner, a.workspaceId, { email: "TWICE@example.test", role: "admin" }, delivery)).rejects.toMatchObject({ code: "conflict", id: "already_invited" });
    await expect(createWorkspaceInvite(owner, a.workspaceId, { email: a.owner.email, role: "viewer" }, delivery)).rejects.toMatchObject({ code: "conflict", id: "already_member" });
    await expect(createWorkspaceInvite(owner, a.workspaceId, { email: "not an email", role: "viewer" }, delivery)).rejects.toThrow();
    await expect(createWorkspaceInvite(owner, a.workspaceId, { email: "x@example.test", role: "viewer" }, { origin: "javascript:alert(1)" })).rejects.toThrow();
  });
});

describe("resend", () => {
  it("replaces the link (the old one stops working) and renews the expiry", async () => {
    const owner = await consoleAccessForUser(a.owner);
    const first = await createWorkspaceInvite(owner, a.workspaceId, { email: "resend@example.test", role: "developer" }, delivery);
    await (await platformDb()).workspaceInvite.update({ where: { id: first.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await listWorkspaceInvites(owner, a.workspaceId)).find((i) => i.id === first.id)?.expired).toBe(true);
    const second = await resendWorkspaceInvite(owner, a.workspaceId, first.id, delivery);
    expect(second.id).toBe(first.id);
    expect(second.link).not.toBe(first.link);
    expect(second.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(await findInvitation(tokenOf(first.link))).toBeUndefined();
    expect((await findInvitation(tokenOf(second.link)))?.status).toBe("pending");
    const courier = await (await platformDb()).courierMessage.count({ where: { recipient: "resend@example.test", templateType: "workspace_invitation" } });
    expect(courier).toBe(2);
  });
});

describe("isolation between workspaces", () => {
  it("an invitation of A grants nothing in B, and B cannot see or touch A's invitations", async () => {
    const invite = await createWorkspaceInvite(await consoleAccessForUser(a.owner), a.workspaceId, { email: "only-a@example.test", role: "admin" }, delivery);
    const bOwner = await consoleAccessForUser(b.owner);
    const bKey = consoleAccessForWorkspaceKey({ id: "k", workspaceId: b.workspaceId });
    for (const access of [bOwner, bKey]) {
      await expect(listWorkspaceInvites(access, a.workspaceId)).rejects.toMatchObject({ code: "not_found" });
      await expect(revokeWorkspaceInvite(access, a.workspaceId, invite.id)).rejects.toMatchObject({ code: "not_found" });
      // Naming its own workspace does not reach A's invitation either.
      await expect(revokeWorkspaceInvite(access, b.workspaceId, invite.id)).rejects.toMatchObject({ code: "not_found", id: "invite_not_found" });
      await expect(resendWorkspaceInvite(access, b.workspaceId, invite.id, delivery)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await listWorkspaceInvites(bOwner, b.workspaceId)).toEqual([]);

    const { user } = await acceptInvitationWithNewAccount(tokenOf(invite.link), password);
    const roles = (await consoleAccessForUser(user)).roles;
    expect([...roles.entries()]).toEqual([[a.workspaceId, "admin"]]);
  });
});

describe("rate limit", () => {
  it("counts invitations per workspace", async () => {
    const workspace = await createTestWorkspace();
    const owner = await consoleAccessForUser(workspace.owner);
    for (let i = 0; i < 20; i++) await createWorkspaceInvite(owner, workspace.workspaceId, { email: `bulk-${i}@example.test`, role: "viewer" }, delivery);
    await expect(createWorkspaceInvite(owner, workspace.workspaceId, { email: "bulk-20@example.test", role: "viewer" }, delivery)).rejects.toBeInstanceOf(RateLimitedError);
    // Another workspace has its own budget.
    await expect(createWorkspaceInvite(await consoleAccessForUser(b.owner), b.workspaceId, { email: "fine@example.test", role: "viewer" }, delivery)).resolves.toBeTruthy();
  });
});
