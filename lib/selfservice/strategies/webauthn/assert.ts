import { recordAudit } from "@/lib/audit";
import { auditActor, identityChanged, type IdentityRecord } from "@/lib/identity";
import { FlowValidationError } from "../../flows/errors";
import type { FlowContext } from "../../flows/types";
import { text } from "../../ui";
import { claimSignCount, flagClone, webAuthnCredential, type WebAuthnType } from "./credentials";
import type { RelyingParty } from "./rp";
import { verifyAssertion, type Assertion } from "./verify";

/**
 * Checks an assertion by one of the identity's authenticators of that type against the claimed challenge, and records
 * its counter. Every refusal is Kratos' "invalid credentials" (4000006): an unknown authenticator, a signature over
 * another challenge, origin or RP ID, a flagged authenticator, a counter that went back (the authenticator is then
 * flagged `clone_warning`, audited, and refused from then on) or one already used by a parallel assertion.
 */
export async function checkAssertion(
  ctx: FlowContext, rp: RelyingParty, challenge: string, assertion: Assertion, identity: IdentityRecord, type: WebAuthnType, userVerification: boolean,
): Promise<void> {
  const credential = webAuthnCredential(identity, type);
  const stored = assertion.id === assertion.rawId ? credential?.config.credentials.find((item) => item.id === assertion.id) : undefined;
  if (!credential || !stored || stored.authenticator.clone_warning) throw new FlowValidationError([text.invalidCredentials()]);
  const verdict = await verifyAssertion(rp, challenge, assertion, stored, userVerification);
  if (!verdict.ok) {
    if (verdict.clone) {
      await flagClone(ctx, credential.record.id, type, stored.id);
      identityChanged(ctx.project.id, identity.id); // cached sessions' copies of the identity learn the flag
      await recordAudit(ctx.db, {
        workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, ...auditActor(ctx), action: `identity.credentials.${type}.clone_warning`,
        targetType: "identity", targetId: identity.id, data: { credential_type: type, authenticator: stored.id },
      });
    }
    throw new FlowValidationError([text.invalidCredentials()]);
  }
  // An authenticator without a counter (0 before and now, as most passkeys) has nothing to record: the claimed challenge
  // alone makes the assertion single-use.
  if (verdict.counter === 0 && stored.authenticator.sign_count === 0) return;
  if (!(await claimSignCount(ctx, credential.record.id, type, stored.id, verdict.counter))) throw new FlowValidationError([text.invalidCredentials()]);
}
