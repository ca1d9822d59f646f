import { badRequest } from "@/lib/core/errors";
import { auditChange } from "@/lib/keys";
import { findClient } from "../clients";
import type { OAuth2Context } from "../context";
import { evictTokens } from "../tokens/store";
import { presentConsentSession } from "./present";
import type { Flow } from "./types";

/** Hydra's listOAuth2ConsentSessions: handled, unrevoked consents of a subject (optionally of one login session). */
export async function listConsentSessions(ctx: OAuth2Context, subject: string, loginSessionId: string | undefined, pageSize: number) {
  const rows = await ctx.db.oAuth2Flow.findMany({
    where: { subject, state: "consent_used", revokedAt: null, ...(loginSessionId ? { loginSessionId } : {}) },
    orderBy: { handledAt: "desc" },
    take: pageSize,
  });
  const sessions = [];
  for (const row of rows) {
    const flow = { ...row, request: row.request, login: row.login, consent: row.consent } as unknown as Flow;
    const client = await findClient(ctx, flow.clientId);
    if (client && flow.consent && !flow.consent.error) sessions.push(presentConsentSession(flow, client));
  }
  return sessions;
}

/** Hydra's revokeOAuth2ConsentSessions: forget the consents (of one client, or all) and revoke their tokens. */
export async function revokeConsentSessions(ctx: OAuth2Context, subject: string, clientId: string | undefined, all: boolean): Promise<void> {
  if (!clientId && !all) throw badRequest("Either the client parameter or all=true is required.");
  await ctx.db.$transaction(async (tx) => {
    const flows = await tx.oAuth2Flow.findMany({ where: { subject, revokedAt: null, state: "consent_used", ...(clientId ? { clientId } : {}) }, select: { id: true } });
    const ids = flows.map((f) => f.id);
    if (ids.length) {
      await tx.oAuth2Flow.updateMany({ where: { id: { in: ids } }, data: { revokedAt: ctx.now } });
      evictTokens(ctx.project.id, (row) => ids.includes(row.requestId));
      await tx.oAuth2Token.updateMany({ where: { requestId: { in: ids }, revokedAt: null }, data: { revokedAt: ctx.now } });
    }
    await auditChange(ctx, tx, "oauth2.consent.revoked", "oauth2_subject", subject, { client_id: clientId ?? null, flows: ids.length });
  });
}

/** Hydra's revokeOAuth2LoginSessions by subject (every session) or by sid (one); returns the revoked sessions. */
export async function revokeLoginSessions(ctx: OAuth2Context, by: { subject?: string; sid?: string }): Promise<{ id: string; subject: string }[]> {
  if (!by.subject && !by.sid) throw badRequest("Either subject or sid is required.");
  return ctx.db.$transaction(async (tx) => {
    const sessions = await tx.oAuth2LoginSession.findMany({ where: { revokedAt: null, ...(by.sid ? { id: by.sid } : { subject: by.subject }) }, select: { id: true, subject: true } });
    if (sessions.length) await tx.oAuth2LoginSession.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { revokedAt: ctx.now } });
    await auditChange(ctx, tx, "oauth2.login_session.revoked", "oauth2_subject", by.subject ?? sessions[0]?.subject ?? "", { sid: by.sid ?? null, sessions: sessions.length });
    return sessions;
  });
}
