import { forbidden, notFound } from "@/lib/core/errors";
import { platformDb } from "@/lib/db";
import type { WorkspaceRole } from "@/lib/db/generated/client";
import type { RequestOrigin } from "@/lib/request-origin";

export type { WorkspaceRole };

/** Who acts in the console: a signed-in user, or a workspace API key (scoped to its one workspace). */
export type ConsoleActor =
  | { type: "user"; id: string; email: string }
  | { type: "workspace_api_key"; id: string; workspaceId: string };

/** What a console request may touch: the actor and its role in every workspace it can access. */
export interface ConsoleAccess {
  actor: ConsoleActor;
  roles: ReadonlyMap<string, WorkspaceRole>;
  /** Client address, recorded in audit events. */
  ip?: string;
  /** The console request's origin (lib/request-origin): URLs the console builds for a project start here. */
  origin?: RequestOrigin;
}

/** read: see everything; write: projects, their config and keys; manage: workspace settings, keys, members, project deletion. */
export type WorkspacePermission = "read" | "write" | "manage";

const granted: Record<WorkspacePermission, ReadonlySet<WorkspaceRole>> = {
  read: new Set(["owner", "admin", "developer", "viewer"]),
  write: new Set(["owner", "admin", "developer"]),
  manage: new Set(["owner", "admin"]),
};

/** A workspace API key acts with admin rights inside its own workspace and nowhere else. */
const WORKSPACE_KEY_ROLE: WorkspaceRole = "admin";

export async function consoleAccessForUser(user: { id: string; email: string }, origin?: RequestOrigin): Promise<ConsoleAccess> {
  const db = await platformDb();
  const memberships = await db.workspaceMember.findMany({ where: { userId: user.id }, select: { workspaceId: true, role: true } });
  return {
    actor: { type: "user", id: user.id, email: user.email },
    roles: new Map(memberships.map((m) => [m.workspaceId, m.role])),
    ip: origin?.clientIp,
    origin,
  };
}

export function consoleAccessForWorkspaceKey(key: { id: string; workspaceId: string }, origin?: RequestOrigin): ConsoleAccess {
  return {
    actor: { type: "workspace_api_key", id: key.id, workspaceId: key.workspaceId },
    roles: new Map([[key.workspaceId, WORKSPACE_KEY_ROLE]]),
    ip: origin?.clientIp,
    origin,
  };
}

export function workspaceRole(access: ConsoleAccess, workspaceId: string): WorkspaceRole | undefined {
  return access.roles.get(workspaceId);
}

export function can(access: ConsoleAccess, workspaceId: string, permission: WorkspacePermission): boolean {
  const role = access.roles.get(workspaceId);
  return role !== undefined && granted[permission].has(role);
}

/**
 * Guards a workspace resource. Outsiders get 404 (existence is not revealed across tenants);
 * members without the permission get 403.
 */
export function requireWorkspace(access: ConsoleAccess, workspaceId: string, permission: WorkspacePermission, what = "workspace"): WorkspaceRole {
  const role = access.roles.get(workspaceId);
  if (role === undefined) throw notFound(`The requested ${what} does not exist.`, { id: `${what.replace(/ /g, "_")}_not_found` });
  if (!granted[permission].has(role)) {
    throw forbidden(`Your role "${role}" in this workspace does not allow this action.`, { reason: `The action needs the "${permission}" permission.` });
  }
  return role;
}

/** The audit actor fields for an access. */
export function auditActor(access: ConsoleAccess): { actorType: string; actorId: string; ip?: string } {
  return { actorType: access.actor.type, actorId: access.actor.id, ip: access.ip };
}
