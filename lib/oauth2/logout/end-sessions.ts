import { revokeSession } from "@/lib/sessions";
import { findClient } from "../clients";
import type { OAuth2Context } from "../context";
import { deliverLogoutToken } from "./back-channel";
import { mintLogoutToken } from "./logout-token";

export interface EndedSessions {
  /** OIDC Front-Channel Logout §2–3: URLs to render in iframes. */
  frontChannelUrls: string[];
  /** Deliveries of back-channel logout tokens (resolved when all attempts finished). */
  backChannel: Promise<boolean[]>;
  identitySessionIds: string[];
}

/**
 * Ends login sessions: revokes them, and notifies every client that received tokens in them — back-channel
 * (signed logout tokens, retried) and, for browser logouts, front-channel (iframe URLs with iss and sid).
 */
export async function endLoginSessions(ctx: OAuth2Context, sessions: { id: string; subject: string }[], options: { frontChannel: boolean }): Promise<EndedSessions> {
  const frontChannelUrls: string[] = [];
  const deliveries: Promise<boolean>[] = [];
  const identitySessionIds: string[] = [];
  for (const session of sessions) {
    await ctx.db.oAuth2LoginSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: ctx.now } });
    const row = await ctx.db.oAuth2LoginSession.findFirst({ where: { id: session.id }, select: { identityProviderSessionId: true } });
    if (row?.identityProviderSessionId) {
      // The login came from an identity session (hosted login): logging out of the provider ends it too.
      identitySessionIds.push(row.identityProviderSessionId);
      await revokeSession(ctx, row.identityProviderSessionId).catch(() => false);
    }
    const flows = await ctx.db.oAuth2Flow.findMany({ where: { loginSessionId: session.id, state: "consent_used" }, select: { clientId: true }, distinct: ["clientId"] });
    for (const { clientId } of flows) {
      const client = (await findClient(ctx, clientId))?.doc;
      if (!client) continue;
      if (client.backchannel_logout_uri) {
        deliveries.push(mintLogoutToken(ctx, client, session.subject, session.id).then((token) => deliverLogoutToken(client.backchannel_logout_uri, token)));
      }
      if (options.frontChannel && client.frontchannel_logout_uri) {
        const url = new URL(client.frontchannel_logout_uri);
        if (client.frontchannel_logout_session_required) {
          url.searchParams.set("iss", ctx.issuer);
          url.searchParams.set("sid", session.id);
        }
        frontChannelUrls.push(url.toString());
      }
    }
  }
  return { frontChannelUrls, backChannel: Promise.all(deliveries), identitySessionIds };
}
