import type { ProjectDb } from "@/lib/db";
import { badRequest } from "@/lib/core/errors";
import { permissionSettings, type PermissionSettings } from "../config";

/** What permission services need from a request (a lib/http ProjectContext satisfies it). */
export interface PermissionContext {
  project: { id: string; workspaceId: string; config: unknown };
  db: ProjectDb;
  actor: { type: string; id?: string };
  request?: { ip: string };
}

/** The project's namespaces and limits; a stored OPL document with errors serves nothing. */
export function settingsOf(ctx: PermissionContext): PermissionSettings {
  const settings = permissionSettings(ctx.project.config);
  if (settings.errors.length) {
    throw badRequest("The project's Ory Permission Language document has errors.", { id: "invalid_opl", details: { errors: settings.errors } });
  }
  return settings;
}

/** Keto: a requested max-depth ≤ 0 or above the configured maximum means the configured maximum. */
export function effectiveDepth(requested: number | undefined, maximum: number): number {
  return requested === undefined || requested <= 0 || requested > maximum ? maximum : requested;
}
