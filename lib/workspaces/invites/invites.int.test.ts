import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleAccessForUser } from "@/lib/access";
import { listAuditEvents } from "@/lib/audit";
import { resetConfig } from "@/lib/config";
import { preparePlatform } from "@/lib/console/bootstrap";
import { handOffToConsole } from "@/lib/console/handoff";
import { PLATFORM_PROJECT_SLUG } from "@/lib/console/platform-project";
import { deliverPending } from "@/lib/courier";
import { startMailCatcher, type MailCatcher } from "@/lib/courier/mail-catcher";
import { newId } from "@/lib/core/ids";
import { platformDb, projectDb } from "@/lib/db";
import { getIdentity, verifyPasswordLogin } from "@/lib/identity";
import { systemContext } from "@/lib/identity/test-context";
import { issueSession } from "@/lib/sessions";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createTestConsoleUser, createTestWorkspace, type TestWorkspace } from "@/lib/testing/console";
import { acceptInvitation, acceptInvitationWithNewAccount, createWorkspaceInvite, findInvitation, listWorkspaceInvites } from "./index";

let database: TestDatabase;
let mail: MailCatcher;
let acme: TestWorkspace;
const delivery = { origin: "https://console.example.test", locale: "de" };
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
const ownerAccess = (workspace: TestWorkspace) => consoleAccessForUser(workspace.owner);

beforeAll(async () => {
  database = await useTestDatabase();
  mail = await startMailCatcher();
  await preparePlatform();
  acme = await createTestWorkspace();
}, 180_000);
afterAll(async () => {
  delete process.env.COURIER_SMTP_URL;
  resetConfig();
  await mail?.close();
  await database?.drop();
});

/** Everything an invitation touches, to prove a refused acceptance changed nothing. */
async function snapshot() {
  const db = await platformDb();
  return { users: await db.user.count(), members: await db.workspaceMember.count(), invites: await db.workspaceInvite.findMany({ orderBy: { id: "asc" } }) };
}

describe("inviting a new person", () => {
  it("queues a localized email with the link, and the invitee's new account signs in", async () => {
    const issued = await createWorkspaceInvite(await ownerAccess(acme), acme.workspaceId, { email: "New.Person@Example.test", role: "developer" }, delivery);
    expect(issued).toMatchObject({ email: "new.person@example.test", role: "developer", link: expect.stringMatching(/^https:\/\/console\.example\.test\/console\/invite\/pc_inv_[\w-]{43}$/) });
    const token = tokenOf(issued.link);
    const row = await (await platformDb()).workspaceInvite.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 86_400_000);

    // In the platform project's courier; without SMTP it stays queued, and the members page says so.
    const platform = await preparePlatform();
    const message = await (await projectDb(platform.id)).courierMessage.findFirstOrThrow({ where: { id: row.courierMessageId! } });
    expect(message).toMatchObject({ recipient: "new.person@example.test", templateType: "workspace_invitation", locale: "de", status: "queued" });
    expect(message.body).toContain(issued.link);
    expect(message.subject).toContain(acme.owner.email);
    expect((await deliverPending(new Date())).held).toBeGreaterThanOrEqual(1);
    expect((await listWorkspaceInvites(await ownerAccess(acme), acme.workspaceId))[0]).toMatchObject({ email: "new.person@example.test", emailStatus: "held", expired: false });

    // With the operator's SMTP server it is delivered.
    process.env.COURIER_SMTP_URL = mail.connectionUri;
    resetConfig();
    await (await projectDb(platform.id)).courierMessage.updateMany({ where: { id: row.courierMessageId! }, data: { nextAttemptAt: new Date(0) } });
    await deliverPending(new Date());
    const caught = await mail.waitFor("new.person@example.test");
    expect(caught.raw.replace(/=\r?\n/g, "")).toContain(token);
    expect((await listWorkspaceInvites(await ownerAccess(acme), acme.workspaceId))[0]?.emailStatus).toBe("sent");

    // The page shows the invitation; a policy-breaking password changes nothing.
    expect(await findInvitation(token)).toMatchObject({ workspaceName: expect.any(String), role: "developer", status: "pending", email: "new.person@example.test" });
    const before = await snapshot();
    await expect(acceptInvitationWithNewAccount(token, { name: "New Person", password: "new.person@example.test" })).rejects.toMatchObject({ code: "bad_request" });
    expect(await snapshot()).toEqual(before);

    const accepted = await acceptInvitationWithNewAccount(token, { name: "New Person", password: "a long and unusual passphrase 42" }, { ip: "198.51.100.7" });
    expect(accepted.workspaceId).toBe(acme.workspaceId);
    expect((await consoleAccessForUser(accepted.user)).roles.get(acme.workspaceId)).toBe("developer");
    expect(await findInvitation(token)).toMatchObject({ status: "accepted", acceptedById: accepted.user.id });

    // A platform identity with the email verified, signing in with the chosen password and through the handoff.
    const user = await (await platformDb()).user.findUniqueOrThrow({ where: { id: accepted.user.id } });
    expect(user.passwordHash).toBeNull();
    const ctx = await systemContext(PLATFORM_PROJECT_SLUG);
    const identity = await verifyPasswordLogin(ctx, "new.person@example.test", "a long and unusual passphrase 42");
    expect(identity?.id).toBe(user.identityId);
    expect((await getIdentity(ctx, identity!.id))?.verifiableAddresses[0]).toMatchObject({ value: "new.person@example.test", verified: true });
    const { token: sessionToken } = await issueSession(ctx, { identityId: identity!.id, method: "password", device: { ip: "", userAgent: "" } });
    const handoff = await handOffToConsole(PLATFORM_PROJECT_SLUG, { ip: "198.51.100.7", header: (n) => (n === "cookie" ? `ory_session_console=${sessionToken}` : n === "host" ? "localhost:3000" : undefined) }, "/console");
    expect(handoff).toMatchObject({ outcome: "signed_in", user: { id: accepted.user.id } });

    const actions = (await listAuditEvents(await ownerAccess(acme), { workspaceId: acme.workspaceId })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["workspace.invite.created", "workspace.invite.accepted"]));
  });
});

describe("accepting as an existing console user", () => {
  async function linkedUser(email: string) {
    const user = await createTestConsoleUser();
    await (await platformDb()).user.update({ where: { id: user.id }, data: { email } });
    return { id: user.id, email, name: "" };
  }

  it("adds the signed-in user with the invited role; another signed-in user is refused", async () => {
    const existing = await linkedUser("existing@example.test");
    const issued = await createWorkspaceInvite(await ownerAccess(acme), acme.workspaceId, { email: "existing@example.test", role: "viewer" }, delivery);
    const token = tokenOf(issued.link);

    const someoneElse = await linkedUser("someone.else@example.test");
    const before = await snapshot();
    await expect(acceptInvitation(someoneElse, token)).rejects.toMatchObject({ code: "forbidden", id: "invite_email_mismatch" });
    // A new account for an address that has one is refused too: sign in instead.
    await expect(acceptInvitationWithNewAccount(token, { password: "a long and unusual passphrase 42" })).rejects.toMatchObject({ code: "conflict", id: "account_exists" });
    expect(await snapshot()).toEqual(before);

    expect(await acceptInvitation({ ...existing, email: "Existing@Example.test" }, token)).toEqual({ workspaceId: acme.workspaceId });
    expect((await consoleAccessForUser(existing)).roles.get(acme.workspaceId)).toBe("viewer");
  });
});

describe("unusable links", () => {
  it("refuses expired, revoked and used tokens, changing nothing", async () => {
    const { revokeWorkspaceInvite } = await import("./index");
    const access = await ownerAccess(acme);
    const invite = async (email: string) => createWorkspaceInvite(access, acme.workspaceId, { email, role: "viewer" }, delivery);
    const expired = await invite("late@example.test");
    await (await platformDb()).workspaceInvite.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await invite("revoked@example.test");
    await revokeWorkspaceInvite(access, acme.workspaceId, revoked.id);
    const used = await invite("used@example.test");
    await acceptInvitationWithNewAccount(tokenOf(used.link), { password: "a long and unusual passphrase 42" });

    const before = await snapshot();
    const password = { password: "another long passphrase 77" };
    await expect(acceptInvitationWithNewAccount(tokenOf(expired.link), password)).rejects.toMatchObject({ code: "gone", id: "invite_expired" });
    await expect(acceptInvitationWithNewAccount(tokenOf(revoked.link), password)).rejects.toMatchObject({ code: "gone", id: "invite_revoked" });
    await expect(acceptInvitationWithNewAccount(tokenOf(used.link), password)).rejects.toMatchObject({ code: "gone", id: "invite_accepted" });
    await expect(acceptInvitationWithNewAccount("pc_inv_" + "A".repeat(43), password)).rejects.toMatchObject({ code: "not_found" });
    const late = { id: newId(), email: "late@example.test", name: "" };
    await expect(acceptInvitation(late, tokenOf(expired.link))).rejects.toMatchObject({ id: "invite_expired" });
    expect(await snapshot()).toEqual(before);
    expect((await findInvitation(tokenOf(revoked.link)))?.status).toBe("revoked");

    const actions = (await listAuditEvents(access, { workspaceId: acme.workspaceId }, { pageSize: 50 })).items.map((e) => e.action);
    expect(actions).toContain("workspace.invite.revoked");
  });
});
