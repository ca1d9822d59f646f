import { newId } from "@/lib/core/ids";
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
  const id = newId();
  // One INSERT on the login path (no audit event: a session is not a credential; flows audit logins).
  const session = await ctx.db.session.create({
    data: {
      projectId: ctx.project.id,
      id,
      identityId: input.identityId,
      tokenHash: hashSessionToken(token),
      aal,
      authenticationMethods: [method] as object[],
      devices: [device] as object[],
      issuedAt: ctx.now,
      authenticatedAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + sessionSettings(ctx.project).lifespanMs),
    },
  });
  return { session, token };
}
