import { isUuid } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";

/** Who did it, for people: a kind the console translates and a name when there is one. */
export interface AuditActorView {
  kind: "user" | "workspace_api_key" | "project_api_key" | "identity" | "anonymous" | "system";
  /** The user's name or email, the key's name; empty for anonymous and system actors. */
  name: string;
  /** The user's email, shown beside the name. */
  email?: string;
}

const KNOWN = new Set<AuditActorView["kind"]>(["user", "workspace_api_key", "project_api_key", "identity", "anonymous", "system"]);

/** Names of the users and keys behind a page of events: one query per actor kind, only for the ids on the page. */
export async function resolveAuditActors(events: ReadonlyArray<{ actorType: string; actorId: string }>): Promise<(event: { actorType: string; actorId: string }) => AuditActorView> {
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.actorType === type && isUuid(e.actorId)).map((e) => e.actorId))];
  const [userIds, workspaceKeyIds, projectKeyIds] = [idsOf("user"), idsOf("workspace_api_key"), idsOf("project_api_key")];
  const db = await platformDb();
  const [users, workspaceKeys, projectKeys] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true } }) : [],
    workspaceKeyIds.length ? db.workspaceApiKey.findMany({ where: { id: { in: workspaceKeyIds } }, select: { id: true, name: true } }) : [],
    projectKeyIds.length ? db.projectApiKey.findMany({ where: { id: { in: projectKeyIds } }, select: { id: true, name: true } }) : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const keyNames = new Map([...workspaceKeys, ...projectKeys].map((k) => [k.id, k.name]));
  return ({ actorType, actorId }) => {
    const kind = KNOWN.has(actorType as AuditActorView["kind"]) ? (actorType as AuditActorView["kind"]) : "system";
    if (kind === "user") {
      const user = userById.get(actorId);
      return user ? { kind, name: user.name || user.email, email: user.email } : { kind, name: actorId.slice(0, 8) };
    }
    if (kind === "workspace_api_key" || kind === "project_api_key") return { kind, name: keyNames.get(actorId) ?? actorId.slice(0, 8) };
    return { kind, name: kind === "identity" ? actorId.slice(0, 8) : "" };
  };
}
