import type { ServiceContext } from "@/lib/identity";
import type { SessionRecord } from "./record";
import { hashSessionToken, newLogoutToken } from "./tokens";

/** Hands out a browser logout token for a session (Kratos' `logout_token`); only its hash is stored. */
export async function createLogoutToken(ctx: Pick<ServiceContext, "db" | "project">, sessionId: string): Promise<string> {
  const token = newLogoutToken();
  await ctx.db.session.update({ where: { projectId_id: { projectId: ctx.project.id, id: sessionId } }, data: { logoutTokenHash: hashSessionToken(token) } });
  return token;
}

/** The active session a logout token belongs to. */
export async function sessionByLogoutToken(ctx: Pick<ServiceContext, "db">, token: string): Promise<SessionRecord | undefined> {
  if (!/^ory_lo_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return (await ctx.db.session.findFirst({ where: { logoutTokenHash: hashSessionToken(token), active: true } })) ?? undefined;
}
