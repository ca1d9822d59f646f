import { preparePlatform } from "@/lib/console/bootstrap";
import { linkConsoleUser } from "@/lib/console/link-users";
import { platformContext } from "@/lib/console/platform-project";
import type { ConsoleUser } from "@/lib/console/session";
import { conflict } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { platformDb, Prisma } from "@/lib/db";
import { checkPasswordPolicy, findIdentityByIdentifier, hashPassword, PasswordPolicyError, type ServiceContext } from "@/lib/identity";
import { enforceRateLimit } from "@/lib/ratelimit";
import { claimInvitation } from "./claim";
import { findInvitation, unusableInvitation } from "./lookup";
import { newAccountSchema, type NewAccountInput } from "./schema";
import { inviteTokenHash } from "./token";

export interface AcceptMeta {
  ip?: string;
}

/** Whether the invitee signs in first (a console account or a platform identity has the address) or makes an account. */
export async function invitationNeedsSignIn(email: string): Promise<boolean> {
  if (await (await platformDb()).user.findUnique({ where: { email }, select: { id: true } })) return true;
  return Boolean(await findIdentityByIdentifier(await platformContext(await preparePlatform()), "password", email));
}

/** A signed-in console user accepts: their email must be the invited one (otherwise 403, nothing changes). */
export async function acceptInvitation(user: ConsoleUser, token: unknown, meta: AcceptMeta = {}): Promise<{ workspaceId: string }> {
  const tokenHash = inviteTokenHash(token);
  if (!tokenHash) throw unusableInvitation("not_found");
  const db = await platformDb();
  const invite = await db.$transaction((tx) => claimInvitation(tx, tokenHash, user, meta, new Date()));
  return { workspaceId: invite.workspaceId };
}

const accountExists = () => conflict("An account with this email address exists already: sign in to accept.", { id: "account_exists" });

/**
 * Someone without an account accepts by choosing a password (the platform project's password policy, hashed by
 * its argon2id hasher): the console user, the membership and the accepted invitation commit together; the
 * platform identity (email verified — receiving the link proved it) follows right after, as for the setup's owner
 * (an interruption in between is finished by the startup's link pass, lib/console/link-users.ts).
 */
export async function acceptInvitationWithNewAccount(token: unknown, raw: NewAccountInput, meta: AcceptMeta = {}): Promise<{ workspaceId: string; user: ConsoleUser }> {
  const input = newAccountSchema.parse(raw);
  const tokenHash = inviteTokenHash(token);
  if (!tokenHash) throw unusableInvitation("not_found");
  const platform = await preparePlatform();
  await enforceRateLimit({ projectId: platform.id, rule: "invite:accept:ip", subject: meta.ip || "unknown" });
  const invitation = await findInvitation(token);
  if (!invitation) throw unusableInvitation("not_found");
  if (invitation.status !== "pending") throw unusableInvitation(invitation.status);
  if (await invitationNeedsSignIn(invitation.email)) throw accountExists();
  const ctx = await platformContext(platform);
  await assertPasswordAllowed(ctx, input.password, invitation.email);
  const passwordHash = await hashPassword(platform, input.password);
  const user = { id: newId(), email: invitation.email, name: input.name };
  const invite = await createUserAndClaim(tokenHash, user, passwordHash, meta);
  await linkConsoleUser(ctx, { ...user, passwordHash });
  return { workspaceId: invite.workspaceId, user };
}

async function assertPasswordAllowed(ctx: ServiceContext, password: string, email: string): Promise<void> {
  const violations = await checkPasswordPolicy(ctx.project, password, [email]);
  if (violations.length > 0) throw new PasswordPolicyError(violations);
}

async function createUserAndClaim(tokenHash: string, user: ConsoleUser, passwordHash: string, meta: AcceptMeta) {
  try {
    return await (await platformDb()).$transaction(async (tx) => {
      await tx.user.create({ data: { id: user.id, email: user.email, name: user.name, passwordHash } });
      return claimInvitation(tx, tokenHash, user, meta, new Date());
    });
  } catch (error) {
    // Someone made an account with this address meanwhile (another invitation, accepted at the same moment).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw accountExists();
    throw error;
  }
}
