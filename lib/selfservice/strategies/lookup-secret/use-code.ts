import { sqlRunner } from "@/lib/db/sql-runner";
import type { FlowContext } from "../../flows/types";

/**
 * Marks recovery code `index` used, atomically: only while that slot still holds the same code (not regenerated
 * meanwhile) and is unused. Of two logins with one code exactly one updates the row; the other re-checks the
 * condition after the first's write (the row lock) and gets nothing. False when the code was used already.
 */
export async function useRecoveryCode(ctx: FlowContext, credentialId: string, index: number, hash: string): Promise<boolean> {
  const run = await sqlRunner();
  const rows = await run("pc_lookup_use_code", `UPDATE identity_credentials
    SET config = jsonb_set(config, ARRAY['recovery_codes', $3::text, 'used_at'], to_jsonb($5::text))
    WHERE project_id = $1::uuid AND id = $2::uuid AND type = 'lookup_secret'
      AND config #>> ARRAY['recovery_codes', $3::text, 'hash'] = $4
      AND COALESCE(config #> ARRAY['recovery_codes', $3::text, 'used_at'], 'null'::jsonb) = 'null'::jsonb
    RETURNING id`, [ctx.project.id, credentialId, index, hash, ctx.now.toISOString()]);
  return rows.length === 1;
}
