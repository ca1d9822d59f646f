import { AppError, notFound } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { sqlRunner, type Row, type SqlStatement } from "@/lib/db/sql-runner";
import { auditIdentityEvent } from "./audit";
import type { ServiceContext } from "./context";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPasswordHash } from "./password/hasher";
import { checkPasswordPolicy, type PolicyMessage } from "./password/policy";
import { getIdentity } from "./read";
import { normalizeIdentifier, validateTraits } from "./schemas/validate";
import type { IdentityRecord } from "./store/record";
import { findPasswordCredential, passwordCredentialFromRows, passwordCredentialStatement } from "./store/sql-read";
import { TX_OPTIONS } from "./store/tx";

/** A password rejected by the policy; `messages` are Ory UI messages (4000031–4000034, 4000005). */
export class PasswordPolicyError extends AppError {
  constructor(readonly messages: PolicyMessage[]) {
    super("bad_request", "The password does not meet the password policy.", {
      reason: messages.map((m) => m.text).join(" "),
      details: { messages },
    });
  }
}

/**
 * Checks a password login. Returns the identity (in any state: callers decide what an inactive identity
 * may do) or undefined. Unknown identifiers and identities without a password cost one argon2id verification
 * too, so the response time does not reveal whether an account exists. A correct password under an imported
 * hash or outdated argon2 parameters is rehashed to the project's argon2id parameters. `prefetched`: the rows of
 * passwordLoginStatement(ctx, identifier) when the caller ran it already (with its rate limits).
 */
export async function verifyPasswordLogin(ctx: ServiceContext, identifier: string, password: string, prefetched?: Row[]): Promise<IdentityRecord | undefined> {
  // One statement: the identifier, its credential and the whole identity a login returns.
  const match = prefetched
    ? passwordCredentialFromRows(prefetched)
    : await findPasswordCredential(await sqlRunner(), ctx.project.id, normalizeIdentifier(identifier));
  const hash = (match?.config as { hashed_password?: unknown } | undefined)?.hashed_password;
  if (!match || typeof hash !== "string" || !hash) return verifyAgainstDummy(ctx.project, password).then(() => undefined);
  if (!(await verifyPasswordHash(hash, password))) return undefined;
  if (needsRehash(ctx.project, hash)) {
    const rehashed = await hashPassword(ctx.project, password);
    await ctx.db.$transaction(async (tx) => {
      await tx.identityCredential.update({
        where: { projectId_id: { projectId: ctx.project.id, id: match.credentialId } },
        data: { config: { ...(match.config as object), hashed_password: rehashed } },
      });
      await auditIdentityEvent(tx, ctx, "identity.password.rehashed", { type: "identity", id: match.identity.id }, { from: hash.split("$")[1] ?? "ldap" });
    }, TX_OPTIONS);
    return getIdentity(ctx, match.identity.id);
  }
  return match.identity;
}

/** The read verifyPasswordLogin makes, for a caller that runs it in one of its own round trips. */
export const passwordLoginStatement = (ctx: ServiceContext, identifier: string): SqlStatement =>
  passwordCredentialStatement(ctx.project.id, normalizeIdentifier(identifier));

/**
 * Sets (or replaces) an identity's password after the project's password policy accepted it (else a
 * PasswordPolicyError). The password identifiers come from the identity's traits.
 */
export async function setPassword(ctx: ServiceContext, identityId: string, newPassword: string): Promise<IdentityRecord> {
  const identity = await getIdentity(ctx, identityId);
  if (!identity) throw notFound("Unable to locate the resource", { id: "not_found" });
  const validated = validateTraits(ctx.project, identity.schemaId, identity.traits);
  const messages = await checkPasswordPolicy(ctx.project, newPassword, validated.identifiers.password);
  if (messages.length) throw new PasswordPolicyError(messages);
  if (!validated.identifiers.password.length) throw new PasswordPolicyError([{ id: 4000002, type: "error", text: "Property identifier is missing." }]);
  const hashed = await hashPassword(ctx.project, newPassword);
  const projectId = ctx.project.id;
  await ctx.db.$transaction(async (tx) => {
    const existing = identity.credentials.find((c) => c.type === "password");
    const credentialId = existing?.id ?? newId();
    if (existing) {
      await tx.identityCredential.update({ where: { projectId_id: { projectId, id: credentialId } }, data: { config: { hashed_password: hashed }, version: { increment: 1 } } });
      await tx.identityCredentialIdentifier.deleteMany({ where: { credentialId } });
    } else {
      await tx.identityCredential.create({ data: { projectId, id: credentialId, identityId, type: "password", config: { hashed_password: hashed }, version: 1 } });
    }
    await tx.identityCredentialIdentifier.createMany({
      data: validated.identifiers.password.map((identifier) => ({ projectId, id: newId(), credentialId, identityId, type: "password", identifier })),
    });
    await auditIdentityEvent(tx, ctx, "identity.password.changed", { type: "identity", id: identityId });
  }, TX_OPTIONS);
  return (await getIdentity(ctx, identityId))!;
}
