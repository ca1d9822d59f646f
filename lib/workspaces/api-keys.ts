import { auditActor, requireWorkspace, type ConsoleAccess } from "@/lib/access";
import { checkExpiry, createApiKeyInputSchema, type CreateApiKeyInput } from "@/lib/apikeys/project-keys";
import { hashToken, issueToken, WORKSPACE_KEY_PREFIX } from "@/lib/apikeys/tokens";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/core/errors";
import { isUuid, newId } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";

export interface WorkspaceApiKeyView {
  id: string;
  workspaceId: string;
  name: string;
  /** The first characters of the key, to recognize it. */
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

export interface IssuedWorkspaceApiKey extends WorkspaceApiKeyView {
  /** Shown once. */
  value: string;
}

const select = { id: true, workspaceId: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true } as const;

/** Issues a workspace API key (`pc_wak_…`) for the console API; stored as a SHA-256 hash. */
export async function createWorkspaceApiKey(access: ConsoleAccess, workspaceId: string, raw: CreateApiKeyInput): Promise<IssuedWorkspaceApiKey> {
  const input = createApiKeyInputSchema.parse(raw);
  requireWorkspace(access, workspaceId, "manage");
  checkExpiry(input.expiresAt);
  const issued = issueToken(WORKSPACE_KEY_PREFIX);
  const id = newId();
  const db = await platformDb();
  const key = await db.$transaction(async (tx) => {
    const row = await tx.workspaceApiKey.create({
      data: { id, workspaceId, name: input.name, prefix: issued.displayPrefix, tokenHash: issued.hash, expiresAt: input.expiresAt ?? null },
      select,
    });
    await recordAudit(tx, {
      ...auditActor(access), workspaceId, action: "workspace.api_key.created", targetType: "workspace_api_key", targetId: id,
      data: { name: input.name, prefix: issued.displayPrefix },
    });
    return row;
  });
  return { ...key, value: issued.token };
}

export async function listWorkspaceApiKeys(access: ConsoleAccess, workspaceId: string): Promise<WorkspaceApiKeyView[]> {
  requireWorkspace(access, workspaceId, "manage");
  const db = await platformDb();
  return db.workspaceApiKey.findMany({ where: { workspaceId }, select, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

/** Revokes a workspace key; the console API checks keys without caching, so it stops working at once. */
export async function revokeWorkspaceApiKey(access: ConsoleAccess, workspaceId: string, keyId: string): Promise<void> {
  requireWorkspace(access, workspaceId, "manage");
  if (!isUuid(keyId)) throw notFound("The API key does not exist.", { id: "api_key_not_found" });
  const db = await platformDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.workspaceApiKey.deleteMany({ where: { workspaceId, id: keyId.toLowerCase() } });
    if (count === 0) throw notFound("The API key does not exist.", { id: "api_key_not_found" });
    await recordAudit(tx, { ...auditActor(access), workspaceId, action: "workspace.api_key.revoked", targetType: "workspace_api_key", targetId: keyId.toLowerCase() });
  });
}

export interface VerifiedWorkspaceKey {
  id: string;
  workspaceId: string;
}

/** Checks a workspace API key: known hash, not expired. Unknown and expired keys are the same `undefined`. */
export async function verifyWorkspaceApiKey(token: string, now = new Date()): Promise<VerifiedWorkspaceKey | undefined> {
  if (!token.startsWith(WORKSPACE_KEY_PREFIX) || token.length > 200) return undefined;
  const db = await platformDb();
  // The lookup is by SHA-256 of a 256-bit random token through a unique index: no secret is compared in
  // application code, so there is no timing side channel to equalize.
  const key = await db.workspaceApiKey.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, workspaceId: true, expiresAt: true, lastUsedAt: true } });
  if (!key || (key.expiresAt && key.expiresAt <= now)) return undefined;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    void db.workspaceApiKey.updateMany({ where: { id: key.id }, data: { lastUsedAt: now } }).catch(() => undefined);
  }
  return { id: key.id, workspaceId: key.workspaceId };
}
