import type { OAuth2Context } from "../context";
import type { Flow } from "./types";

/**
 * A remembered, unexpired, unrevoked consent of this subject for this client that already granted every
 * requested scope and audience (Hydra's consent `skip`).
 */
export async function rememberedConsentCovers(ctx: OAuth2Context, flow: Flow): Promise<boolean> {
  const rows = await ctx.db.oAuth2Flow.findMany({
    where: { subject: flow.subject, clientId: flow.clientId, state: "consent_used", remember: true, revokedAt: null },
    orderBy: { handledAt: "desc" },
    take: 20,
    select: { consent: true, consentExpiresAt: true },
  });
  return rows.some((row) => {
    if (row.consentExpiresAt && row.consentExpiresAt <= ctx.now) return false;
    const consent = row.consent as { grantScope?: string[]; grantAudience?: string[] } | null;
    return flow.request.scope.every((s) => consent?.grantScope?.includes(s)) && flow.request.audience.every((a) => consent?.grantAudience?.includes(a));
  });
}
