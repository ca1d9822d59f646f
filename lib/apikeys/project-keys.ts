import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";
import { auditActor, type ConsoleAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { badRequest, notFound } from "@/lib/core/errors";
import { newId, isUuid } from "@/lib/core/ids";
import { projectDb } from "@/lib/db";
import { loadProject } from "@/lib/projects/records";
import { issueToken, PROJECT_KEY_PREFIX } from "./tokens";
import { forgetProjectKey } from "./verify";

export const createApiKeyInputSchema = z.object({
  name: storableString().trim().min(1, "Name the key.").max(100),
  expiresAt: z.coerce.date().optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInputSchema>;

export interface ProjectApiKeyView {
  id: string;
  projectId: string;
  name: string;
  /** The first characters of the key, to recognize it. */
  prefix: string;
  ownerId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** The create response: the only time the key itself is shown. */
export interface IssuedProjectApiKey extends ProjectApiKeyView {
  value: string;
}

const select = { id: true, projectId: true, name: true, prefix: true, ownerId: true, createdAt: true, expiresAt: true, lastUsedAt: true } as const;

export function checkExpiry(expiresAt: Date | undefined, now = new Date()): void {
  if (expiresAt && expiresAt <= now) throw badRequest("The expiry time must be in the future.", { id: "expiry_in_past" });
}

/** Issues a project API key (`pc_pat_…`); stored as a SHA-256 hash. */
export async function createProjectApiKey(access: ConsoleAccess, projectIdOrSlug: string, raw: CreateApiKeyInput): Promise<IssuedProjectApiKey> {
  const input = createApiKeyInputSchema.parse(raw);
  checkExpiry(input.expiresAt);
  const project = await loadProject(access, projectIdOrSlug, "write");
  const issued = issueToken(PROJECT_KEY_PREFIX);
  const db = await projectDb(project.id);
  const id = newId();
  const key = await db.$transaction(async (tx) => {
    const row = await tx.projectApiKey.create({
      data: { projectId: project.id, id, name: input.name, prefix: issued.displayPrefix, tokenHash: issued.hash, ownerId: access.actor.id, expiresAt: input.expiresAt ?? null },
      select,
    });
    await recordAudit(tx, {
      ...auditActor(access), workspaceId: project.workspaceId, projectId: project.id, action: "project.api_key.created",
      targetType: "project_api_key", targetId: id, data: { name: input.name, prefix: issued.displayPrefix },
    });
    return row;
  });
  return { ...key, value: issued.token };
}

export async function listProjectApiKeys(access: ConsoleAccess, projectIdOrSlug: string): Promise<ProjectApiKeyView[]> {
  const project = await loadProject(access, projectIdOrSlug, "read");
  const db = await projectDb(project.id);
  return db.projectApiKey.findMany({ where: { projectId: project.id }, select, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

/** Revokes a key: deleted, and no longer accepted by this process at once (other instances within seconds). */
export async function revokeProjectApiKey(access: ConsoleAccess, projectIdOrSlug: string, keyId: string): Promise<void> {
  const project = await loadProject(access, projectIdOrSlug, "write");
  if (!isUuid(keyId)) throw notFound("The API key does not exist.", { id: "api_key_not_found" });
  const db = await projectDb(project.id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.projectApiKey.deleteMany({ where: { projectId: project.id, id: keyId.toLowerCase() } });
    if (count === 0) throw notFound("The API key does not exist.", { id: "api_key_not_found" });
    await recordAudit(tx, {
      ...auditActor(access), workspaceId: project.workspaceId, projectId: project.id, action: "project.api_key.revoked",
      targetType: "project_api_key", targetId: keyId.toLowerCase(),
    });
  });
  forgetProjectKey(project.id, keyId.toLowerCase());
}
