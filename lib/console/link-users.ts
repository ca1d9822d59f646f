import { AppError } from "@/lib/core/errors";
import { platformDb } from "@/lib/db";
import { createIdentity, EMAIL_PRESET_ID, findIdentityByIdentifier, type ServiceContext } from "@/lib/identity";

export interface UnlinkedUser {
  id: string;
  email: string;
  name: string;
  /** An argon2 hash (or any format the identity lib imports). */
  passwordHash: string;
}

/** The email preset's `name` trait from a console user's single name field ("Ada Lovelace" → first, last). */
function nameTraits(name: string): { first: string; last?: string } | undefined {
  const [first, ...rest] = name.trim().split(/\s+/);
  if (!first) return undefined;
  return rest.length ? { first, last: rest.join(" ") } : { first };
}

/**
 * Moves one console user onto the platform project: an identity with the user's email (verified) and their
 * existing password hash imported (verified at login, then rehashed to the project's argon2id parameters),
 * then `users.identity_id` set and the local hash dropped. Idempotent and safe to race: an identity that
 * already holds the email (an earlier, interrupted run, or another instance) is linked instead.
 */
export async function linkConsoleUser(ctx: ServiceContext, user: UnlinkedUser): Promise<string> {
  let identity = await findIdentityByIdentifier(ctx, "password", user.email);
  if (!identity) {
    try {
      identity = await createIdentity(ctx, {
        schema_id: EMAIL_PRESET_ID,
        traits: { email: user.email, ...(nameTraits(user.name) ? { name: nameTraits(user.name) } : {}) },
        credentials: { password: { config: { hashed_password: user.passwordHash } } },
        verifiable_addresses: [{ value: user.email, via: "email", verified: true, status: "completed" }],
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
      identity = await findIdentityByIdentifier(ctx, "password", user.email);
      if (!identity) throw error;
    }
  }
  const db = await platformDb();
  await db.user.updateMany({ where: { id: user.id, identityId: null }, data: { identityId: identity.id, passwordHash: null } });
  return identity.id;
}

/** Existing installs: every console user that still signs in with a local hash gets an identity. */
export async function linkLegacyUsers(ctx: ServiceContext): Promise<number> {
  const db = await platformDb();
  const users = await db.user.findMany({ where: { identityId: null, passwordHash: { not: null } }, select: { id: true, email: true, name: true, passwordHash: true } });
  let linked = 0;
  for (const { passwordHash, ...user } of users) {
    if (!passwordHash) continue;
    await linkConsoleUser(ctx, { ...user, passwordHash });
    linked++;
  }
  return linked;
}
