import { newId } from "@/lib/core/ids";
import { sqlRunner } from "@/lib/db/sql-runner";
import type { ServiceContext } from "@/lib/identity";
import { sessionSettings } from "./config";
import type { Aal, AuthenticationMethod, SessionDevice, SessionRecord } from "./record";
import { hashSessionToken, newSessionToken } from "./tokens";

export interface IssueSessionInput {
  identityId: string;
  /** The credential method that authenticated (e.g. "password", "code", "oidc"). */
  method: string;
  aal?: Aal;
  provider?: string;
  device: { ip: string; userAgent: string };
}

/**
 * Starts a session. The token (`ory_st_…`) is returned once — as session token for API clients and as the
 * cookie value for browsers — and only its SHA-256 is stored.
 */
export async function issueSession(ctx: ServiceContext, input: IssueSessionInput): Promise<{ session: SessionRecord; token: string }> {
  const token = newSessionToken();
  const aal = input.aal ?? "aal1";
  const method: AuthenticationMethod = { method: input.method, aal, completed_at: ctx.now.toISOString(), ...(input.provider ? { provider: input.provider } : {}) };
  const device: SessionDevice = { id: newId(), ip_address: input.device.ip, user_agent: input.device.userAgent.slice(0, 512), location: "" };
  const session: SessionRecord = {
    projectId: ctx.project.id,
    id: newId(),
    identityId: input.identityId,
    tokenHash: hashSessionToken(token),
    logoutTokenHash: null,
    active: true,
    aal,
    authenticationMethods: [method] as unknown as SessionRecord["authenticationMethods"],
    devices: [device] as unknown as SessionRecord["devices"],
    issuedAt: ctx.now,
    authenticatedAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + sessionSettings(ctx.project).lifespanMs),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  // One plain INSERT on the login path (no audit event: a session is not a credential; flows audit logins).
  const run = await sqlRunner();
  await run("pc_session_insert", `INSERT INTO sessions (project_id, id, identity_id, token_hash, active, aal, authentication_methods, devices,
      issued_at, authenticated_at, expires_at, created_at, updated_at)
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4, true, $5, $6::jsonb, $7::jsonb, $8::timestamptz, $8::timestamptz, $9::timestamptz, $8::timestamptz, $8::timestamptz)`, [
    session.projectId, session.id, session.identityId, session.tokenHash, aal, JSON.stringify([method]), JSON.stringify([device]), ctx.now, session.expiresAt,
  ]);
  return { session, token };
}
