import { z } from "zod";
import type { CredentialRecord, IdentityRecord } from "@/lib/identity";
import { sqlRunner } from "@/lib/db/sql-runner";
import type { FlowContext } from "../../flows/types";

/** One authenticator of an identity (Kratos' `CredentialWebAuthn`); ids and keys base64url. */
export const storedAuthenticatorSchema = z.object({
  id: z.string(),
  public_key: z.string(),
  attestation_type: z.string(),
  authenticator: z.object({ aaguid: z.string(), sign_count: z.number().int().nonnegative(), clone_warning: z.boolean() }),
  display_name: z.string(),
  added_at: z.string(),
  is_passwordless: z.boolean(),
  transports: z.array(z.string()).optional(),
});
export type StoredAuthenticator = z.infer<typeof storedAuthenticatorSchema>;

/** The credential's config (Kratos' `CredentialsWebAuthnConfig`): the authenticators and, for passkeys, the user handle. */
export const webAuthnConfigSchema = z.object({ credentials: z.array(storedAuthenticatorSchema), user_handle: z.string().optional() });
export type WebAuthnConfig = z.infer<typeof webAuthnConfigSchema>;

export type WebAuthnType = "webauthn" | "passkey";

/** An identity's credential of that type with its parsed config, if it has one with at least one authenticator. */
export function webAuthnCredential(identity: Pick<IdentityRecord, "credentials"> | undefined, type: WebAuthnType): { record: CredentialRecord; config: WebAuthnConfig } | undefined {
  const record = identity?.credentials.find((credential) => credential.type === type);
  const parsed = record ? webAuthnConfigSchema.safeParse(record.config) : undefined;
  return record && parsed?.success && parsed.data.credentials.length ? { record, config: parsed.data } : undefined;
}

/**
 * Records a verified assertion's signature counter, atomically (WebAuthn L2 §6.1.1, §7.2 step 21): the stored counter
 * is replaced only while it is still below the new one, so of two assertions carrying one counter value (a replay, a
 * clone racing its original) one is accepted. Authenticators that keep no counter (0 both times) always pass. False
 * when the credential is gone or the counter moved on meanwhile.
 */
export async function claimSignCount(ctx: FlowContext, credentialId: string, type: WebAuthnType, authenticatorId: string, counter: number): Promise<boolean> {
  const run = await sqlRunner();
  const rows = await run("pc_webauthn_claim_counter", `UPDATE identity_credentials c SET config = jsonb_set(c.config, ARRAY['credentials', (e.ord - 1)::text, 'authenticator', 'sign_count'], to_jsonb($5::bigint))
    FROM identity_credentials s CROSS JOIN LATERAL jsonb_array_elements(s.config->'credentials') WITH ORDINALITY AS e(item, ord)
    WHERE s.project_id = $1::uuid AND s.id = $2::uuid AND s.type = $3 AND e.item->>'id' = $4
      AND c.project_id = s.project_id AND c.id = s.id
      AND ($5::bigint = 0 AND COALESCE((e.item #>> '{authenticator,sign_count}')::bigint, 0) = 0 OR COALESCE((e.item #>> '{authenticator,sign_count}')::bigint, 0) < $5::bigint)
    RETURNING c.id`, [ctx.project.id, credentialId, type, authenticatorId, counter]);
  return rows.length === 1;
}

/** Kratos' `clone_warning`: the authenticator presented a counter that went back; it is marked and never accepted again. */
export async function flagClone(ctx: FlowContext, credentialId: string, type: WebAuthnType, authenticatorId: string): Promise<void> {
  const run = await sqlRunner();
  await run("pc_webauthn_flag_clone", `UPDATE identity_credentials c SET config = jsonb_set(c.config, ARRAY['credentials', (e.ord - 1)::text, 'authenticator', 'clone_warning'], 'true'::jsonb)
    FROM identity_credentials s CROSS JOIN LATERAL jsonb_array_elements(s.config->'credentials') WITH ORDINALITY AS e(item, ord)
    WHERE s.project_id = $1::uuid AND s.id = $2::uuid AND s.type = $3 AND e.item->>'id' = $4 AND c.project_id = s.project_id AND c.id = s.id`,
  [ctx.project.id, credentialId, type, authenticatorId]);
}
