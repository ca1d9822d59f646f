import { sqlRunner } from "@/lib/db/sql-runner";
import type { FlowContext } from "../../flows/types";

/**
 * Claims a TOTP time step for a credential, atomically: the row is updated only while its last accepted step is
 * earlier, so of two submissions of one code (or of a replay later) exactly one is accepted — the row lock makes the
 * second re-check the condition against the first's write. False when the step was used already, or the credential
 * is gone (unlinked or replaced meanwhile: a new credential has a new id).
 */
export async function claimTotpStep(ctx: FlowContext, credentialId: string, step: number): Promise<boolean> {
  const run = await sqlRunner();
  const rows = await run("pc_totp_claim_step", `UPDATE identity_credentials SET config = jsonb_set(config, '{last_step}', to_jsonb($3::bigint))
    WHERE project_id = $1::uuid AND id = $2::uuid AND type = 'totp' AND COALESCE((config->>'last_step')::bigint, -1) < $3::bigint
    RETURNING id`, [ctx.project.id, credentialId, step]);
  return rows.length === 1;
}
