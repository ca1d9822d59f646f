import { CONSOLE_SESSION_PREFIX, hashToken, issueToken } from "@/lib/apikeys/tokens";
import { newId } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { revokeSession } from "@/lib/sessions";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { PLATFORM_PROJECT_SLUG, isPlatformProject, platformContext } from "./platform-project";

export const CONSOLE_COOKIE = "pc_console_session";
export const CONSOLE_SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
}

export interface SignInMeta {
  ip?: string;
  userAgent?: string;
  /** The platform-project session the console session was handed off from (lib/console/handoff.ts). */
  identitySessionId?: string;
}

/** A console session (the `pc_console_session` cookie's token). Console users sign in on the platform project's pages. */
export async function createConsoleSession(user: ConsoleUser, meta: SignInMeta = {}) {
  const db = await platformDb();
  const issued = issueToken(CONSOLE_SESSION_PREFIX);
  const expiresAt = new Date(Date.now() + CONSOLE_SESSION_TTL_MS);
  await db.$transaction(async (tx) => {
    await tx.consoleSession.create({
      data: {
        id: newId(), tokenHash: issued.hash, userId: user.id, expiresAt, ip: meta.ip ?? "", userAgent: (meta.userAgent ?? "").slice(0, 512),
        identitySessionId: meta.identitySessionId ?? null,
      },
    });
    await recordAudit(tx, { actorType: "user", actorId: user.id, action: "console.session.created", targetType: "user", targetId: user.id, ip: meta.ip });
  });
  return { token: issued.token, expiresAt, user };
}

export async function userFromSessionToken(token: string | undefined): Promise<ConsoleUser | undefined> {
  if (!token || !token.startsWith(CONSOLE_SESSION_PREFIX) || token.length > 200) return undefined;
  const db = await platformDb();
  const session = await db.consoleSession.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!session || session.expiresAt <= new Date()) return undefined;
  return { id: session.user.id, email: session.user.email, name: session.user.name };
}

/** Ends the console session and the platform-project session it came from (signing out of the console signs out of both). */
export async function signOut(token: string | undefined): Promise<void> {
  if (!token || !token.startsWith(CONSOLE_SESSION_PREFIX) || token.length > 200) return;
  const db = await platformDb();
  const session = await db.consoleSession.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, identitySessionId: true } });
  if (!session) return;
  await db.consoleSession.deleteMany({ where: { id: session.id } });
  const platform = await findProjectBySlug(PLATFORM_PROJECT_SLUG);
  if (session.identitySessionId && platform && isPlatformProject(platform)) {
    await revokeSession(await platformContext(platform), session.identitySessionId);
  }
}
