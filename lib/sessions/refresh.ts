import type { SqlStatement } from "@/lib/db/sql-runner";
import type { ServiceContext } from "@/lib/identity";
import { methodsOf, type Aal, type AuthenticationMethod, type SessionRecord } from "./record";

const RANK: Record<string, number> = { aal1: 1, aal2: 2, aal3: 3 };

/**
 * A further completed authentication of a session (a re-authentication with `refresh=true`, or a second factor), as
 * the record it makes and the UPDATE that makes it, not run yet: the login flow runs it with its own outcome (one
 * round trip). The method is appended, the AAL raised when higher, `authenticated_at` moved to now; a session revoked
 * meanwhile is left alone. Drop the session from the whoami cache once the statement ran (invalidateSession).
 */
export function refreshedSession(ctx: ServiceContext, session: SessionRecord, method: string, aal: Aal): { session: SessionRecord; update: SqlStatement } {
  const entry: AuthenticationMethod = { method, aal, completed_at: ctx.now.toISOString() };
  const raised = (RANK[aal] ?? 1) > (RANK[session.aal] ?? 1) ? aal : session.aal;
  return {
    session: { ...session, aal: raised, authenticatedAt: ctx.now, updatedAt: ctx.now, authenticationMethods: [...methodsOf(session), entry] as unknown as SessionRecord["authenticationMethods"] },
    update: {
      name: "pc_session_refresh",
      text: `UPDATE sessions SET authentication_methods = authentication_methods || $3::jsonb,
        aal = CASE WHEN $4 = 'aal2' AND aal = 'aal1' THEN $4 WHEN $4 = 'aal3' THEN $4 ELSE aal END,
        authenticated_at = $5::timestamptz, updated_at = $5::timestamptz
        WHERE project_id = $1::uuid AND id = $2::uuid AND active RETURNING id`,
      values: [ctx.project.id, session.id, JSON.stringify([entry]), aal, ctx.now],
    },
  };
}
