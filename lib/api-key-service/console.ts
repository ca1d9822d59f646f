import { z } from "zod";
import { requireWorkspace, type ConsoleAccess, type WorkspacePermission } from "@/lib/access";
import { notFound } from "@/lib/core/errors";
import { projectDb } from "@/lib/db";
import { findProjectBySlug, getProject } from "@/lib/projects";
import { issueApiKey } from "./issue";
import { adminRevokeKey } from "./revoke";
import type { ServiceScope } from "./scope";
import { dailyUsage } from "./usage-report";
import { keyView, type KeyView } from "./view";

/**
 * The console's view of the service (the project's "API keys for your API" page): the console access must see the
 * project (else 404) and hold `permission` in its workspace (else 403); audit events name the console user or key.
 */
async function consoleScope(access: ConsoleAccess, projectId: string, permission: WorkspacePermission): Promise<ServiceScope> {
  const view = await getProject(access, projectId);
  requireWorkspace(access, view.workspaceId, permission, "project");
  const project = await findProjectBySlug(view.slug);
  if (!project) throw notFound("The requested project does not exist.", { id: "project_not_found" });
  return { project, db: await projectDb(project.id), now: new Date(), actor: { type: access.actor.type, id: access.actor.id }, request: { ip: access.ip ?? "" } };
}

export const USAGE_DAYS = 14;
export type ConsoleServiceKey = KeyView & { kind: string; usage: number[] };

/** The newest 200 issued and imported keys with their last 14 days of verifications (oldest first). */
export async function listConsoleServiceKeys(access: ConsoleAccess, projectId: string): Promise<ConsoleServiceKey[]> {
  const scope = await consoleScope(access, projectId, "read");
  const rows = await scope.db.apiKey.findMany({ where: { projectId: scope.project.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200 });
  const usage = await dailyUsage(scope, rows.map((r) => r.id), USAGE_DAYS);
  return rows.map((row) => ({ ...keyView(row, scope.now), kind: row.kind, usage: usage.get(row.id) ?? [] }));
}

const EXPIRIES = { never: undefined, "30d": "30d", "90d": "90d", "365d": "365d" } as const;
export const consoleServiceKeyFormSchema = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  scopes: z.string().max(2000, "tooLong").transform((text) => text.split(/[\s,]+/).filter(Boolean))
    .refine((scopes) => scopes.length <= 100 && scopes.every((s) => s.length <= 200), "invalid"),
  expires: z.enum(["never", "30d", "90d", "365d"], { message: "invalid" }),
});
export type ConsoleServiceKeyForm = z.infer<typeof consoleServiceKeyFormSchema>;

/** Issues a key from the console form; the secret is returned for the one-time dialog only. */
export async function issueConsoleServiceKey(access: ConsoleAccess, projectId: string, form: ConsoleServiceKeyForm): Promise<{ name: string; token: string; prefix: string }> {
  const scope = await consoleScope(access, projectId, "write");
  const issued = await issueApiKey(scope, { name: form.name, scopes: form.scopes, ttl: EXPIRIES[form.expires] });
  return { name: issued.issued_api_key.name, token: issued.secret, prefix: issued.issued_api_key.display_prefix };
}

export async function revokeConsoleServiceKey(access: ConsoleAccess, projectId: string, keyId: string): Promise<void> {
  const scope = await consoleScope(access, projectId, "write");
  const row = await scope.db.apiKey.findFirst({ where: { projectId: scope.project.id, id: keyId }, select: { kind: true } });
  if (!row) throw notFound("The API key does not exist.", { id: "api_key_not_found" });
  await adminRevokeKey(scope, row.kind === "imported" ? "imported" : "issued", keyId, { reason: "REVOCATION_REASON_PRIVILEGE_WITHDRAWN" });
}
