import { randomBytes } from "node:crypto";
import { issueToken, PROJECT_KEY_PREFIX, WORKSPACE_KEY_PREFIX } from "@/lib/apikeys/tokens";
import { newId } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";

export interface TestProject {
  workspaceId: string;
  projectId: string;
  slug: string;
  /** A project API key (Authorization: Bearer …) for /p/{slug}/admin/*. */
  apiKey: string;
  /** A workspace API key for /api/console. */
  workspaceKey: string;
}

/** A workspace with one project and one key of each kind, written straight to the database. */
export async function createTestProject(config: Record<string, unknown> = {}): Promise<TestProject> {
  const db = await platformDb();
  const workspaceId = newId();
  const projectId = newId();
  const slug = `t-${randomBytes(5).toString("hex")}`;
  const projectKey = issueToken(PROJECT_KEY_PREFIX);
  const workspaceKey = issueToken(WORKSPACE_KEY_PREFIX);
  await db.workspace.create({ data: { id: workspaceId, name: `Workspace ${slug}` } });
  await db.project.create({ data: { id: projectId, workspaceId, slug, name: `Project ${slug}`, config: config as object } });
  await db.projectApiKey.create({ data: { projectId, id: newId(), name: "test", prefix: projectKey.displayPrefix, tokenHash: projectKey.hash } });
  await db.workspaceApiKey.create({ data: { id: newId(), workspaceId, name: "test", prefix: workspaceKey.displayPrefix, tokenHash: workspaceKey.hash } });
  return { workspaceId, projectId, slug, apiKey: projectKey.token, workspaceKey: workspaceKey.token };
}
