import { newId } from "@/lib/core/ids";
import { sqlRunner, type SqlStatement } from "@/lib/db/sql-runner";
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

export interface NewSession {
  session: SessionRecord;
  token: string;
  /** The INSERT that stores the session; run it (issueSession) or let a caller run it with its own statement. */
  insert: SqlStatement;
}

/**
 * Starts a session. The token (`ory_st_…`) is returned once — as session token for API clients and as the
 * cookie value for browsers — and only its SHA-256 is stored.
 */
export async function issueSession(ctx: ServiceContext, input: IssueSessionInput): Promise<{ session: SessionRecord; token: string }> {
  const { session, token, insert } = newSession(ctx, input);
  const run = await sqlRunner();
  await run(insert.name, insert.text, insert.values);
  return { session, token };
}

/** A session record and its token, with the statement that stores it (not run yet). */
export function newSession(ctx: ServiceContext, input: IssueSessionInput): NewSession {
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
  const insert: SqlStatement = { name: "pc_session_insert", text: `INSERT INTO sessions (project_id, id, identity_id, token_hash, active, aal, authentication_methods, devices,
      issued_at, authenticated_at, expires_at, created_at, updated_at)
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4, true, $5, $6::jsonb, $7::jsonb, $8::timestamptz, $8::timestamptz, $9::timestamptz, $8::timestamptz, $8::timestamptz)`, values: [
    session.projectId, session.id, session.identityId, session.tokenHash, aal, JSON.stringify([method]), JSON.stringify([device]), ctx.now, session.expiresAt,
  ] };
  return { session, token, insert };
}
