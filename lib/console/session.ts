import { CONSOLE_SESSION_PREFIX, hashToken, issueToken } from "@/lib/apikeys/tokens";
import { newId } from "@/lib/core/ids";
import { verifyAgainstDummy, verifyPassword } from "@/lib/core/password";
import { platformDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit";

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
}

/** Email + password sign-in for console users. Unknown emails cost the same time as wrong passwords. */
export async function signIn(email: string, password: string, meta: SignInMeta = {}): Promise<{ token: string; expiresAt: Date; user: ConsoleUser } | undefined> {
  const db = await platformDb();
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) return undefined;
  return createConsoleSession({ id: user.id, email: user.email, name: user.name }, meta);
}

export async function createConsoleSession(user: ConsoleUser, meta: SignInMeta = {}) {
  const db = await platformDb();
  const issued = issueToken(CONSOLE_SESSION_PREFIX);
  const expiresAt = new Date(Date.now() + CONSOLE_SESSION_TTL_MS);
  await db.$transaction(async (tx) => {
    await tx.consoleSession.create({
      data: { id: newId(), tokenHash: issued.hash, userId: user.id, expiresAt, ip: meta.ip ?? "", userAgent: (meta.userAgent ?? "").slice(0, 512) },
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

export async function signOut(token: string | undefined): Promise<void> {
  if (!token) return;
  const db = await platformDb();
  await db.consoleSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}
