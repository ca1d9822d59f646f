import type { ConsoleAccess, WorkspacePermission } from "@/lib/access";
import { consoleServiceContext } from "@/lib/identity-console/context";
import type { OAuth2Context } from "@/lib/oauth2/context";

/**
 * An OAuth2Context for the console acting on one project (same visibility and role checks as the identity
 * console). `origin` is the console's public origin: the issuer is `{origin}/p/{slug}`, as for API requests
 * without subdomain mode.
 */
export async function consoleOAuth2Context(access: ConsoleAccess, projectId: string, origin: string, permission: WorkspacePermission = "read"): Promise<OAuth2Context> {
  const ctx = await consoleServiceContext(access, projectId, permission);
  const issuer = `${origin.replace(/\/+$/, "")}/p/${ctx.project.slug}`;
  return {
    project: ctx.project,
    db: ctx.db,
    now: ctx.now,
    actor: ctx.actor,
    issuer,
    request: { ip: ctx.request?.ip ?? "", header: () => undefined, url: new URL(issuer) },
  };
}
