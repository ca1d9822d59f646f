import { randomBytes } from "node:crypto";
import { Configuration, ProjectApi, WorkspaceApi } from "@ory/client-fetch";
import { issueToken, WORKSPACE_KEY_PREFIX } from "@/lib/apikeys/tokens";
import { createConsoleSession } from "@/lib/console/session";
import { newId } from "@/lib/core/ids";
import { hashPassword } from "@/lib/core/password";
import { platformDb } from "@/lib/db";
import type { WorkspaceRole } from "@/lib/db/generated/client";

export interface TestConsoleUser {
  id: string;
  email: string;
  /** Value of the `pc_console_session` cookie. */
  sessionToken: string;
}

export interface TestWorkspace {
  workspaceId: string;
  /** A workspace API key (`pc_wak_…`) for /api/console. */
  workspaceKey: string;
  owner: TestConsoleUser;
}

let passwordHash: Promise<string> | undefined;

/** A console user with a live session, optionally a member of a workspace with the given role. */
export async function createTestConsoleUser(membership?: { workspaceId: string; role: WorkspaceRole }): Promise<TestConsoleUser> {
  const db = await platformDb();
  const id = newId();
  const email = `user-${randomBytes(5).toString("hex")}@example.test`;
  passwordHash ??= hashPassword("correct horse battery staple");
  await db.user.create({ data: { id, email, passwordHash: await passwordHash } });
  if (membership) await db.workspaceMember.create({ data: { workspaceId: membership.workspaceId, userId: id, role: membership.role } });
  const session = await createConsoleSession({ id, email, name: "" });
  return { id, email, sessionToken: session.token };
}

/** A workspace with an owner (signed in) and a workspace API key, written straight to the database. */
export async function createTestWorkspace(): Promise<TestWorkspace> {
  const db = await platformDb();
  const workspaceId = newId();
  const key = issueToken(WORKSPACE_KEY_PREFIX);
  await db.workspace.create({ data: { id: workspaceId, name: `Workspace ${workspaceId.slice(0, 8)}` } });
  await db.workspaceApiKey.create({ data: { id: newId(), workspaceId, name: "test", prefix: key.displayPrefix, tokenHash: key.hash } });
  const owner = await createTestConsoleUser({ workspaceId, role: "owner" });
  return { workspaceId, workspaceKey: key.token, owner };
}

/** `@ory/client-fetch` console clients pointed at a test server. */
export function consoleClients(serverUrl: string, accessToken: string) {
  const configuration = new Configuration({ basePath: `${serverUrl}/api/console`, accessToken });
  return { projects: new ProjectApi(configuration), workspaces: new WorkspaceApi(configuration) };
}
