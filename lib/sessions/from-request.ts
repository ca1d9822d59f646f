import { bearerToken } from "@/lib/apikeys/tokens";
import { getIdentity, type IdentityRecord, type ServiceContext } from "@/lib/identity";
import { cacheGet, cacheSet, SESSION_CACHE_TTL_MS } from "./cache";
import { sessionSettings } from "./config";
import { readCookie } from "./cookie";
import type { SessionRecord } from "./record";
import { hashSessionToken, looksLikeSessionToken } from "./tokens";

export interface AuthenticatedSession {
  session: SessionRecord;
  identity: IdentityRecord;
  /** Where the token came from. */
  via: "cookie" | "token";
}

type RequestContext = Pick<ServiceContext, "project" | "db" | "now"> & { request?: ServiceContext["request"] };

/** The session token a request carries: `X-Session-Token`, `Authorization: Bearer`, or the project's session cookie. */
export function sessionTokenFromRequest(ctx: RequestContext): { token: string; via: "cookie" | "token" } | undefined {
  const header = ctx.request?.header("x-session-token")?.trim();
  if (header) return { token: header, via: "token" };
  const bearer = bearerToken(ctx.request?.header("authorization"));
  if (bearer) return { token: bearer, via: "token" };
  const cookie = readCookie(ctx.request?.header("cookie"), sessionSettings(ctx.project).cookie.name);
  return cookie ? { token: cookie, via: "cookie" } : undefined;
}

interface CachedLookup {
  session: SessionRecord;
  identity: IdentityRecord;
}

/** Looks a session token up (cache first): active, unexpired, of an active identity — else undefined. */
export async function sessionFromToken(ctx: RequestContext, token: string): Promise<CachedLookup | undefined> {
  if (!looksLikeSessionToken(token)) return undefined;
  const tokenHash = hashSessionToken(token);
  let found = cacheGet<CachedLookup>(ctx.project.id, tokenHash, ctx.now.getTime());
  if (!found) {
    const session = await ctx.db.session.findFirst({ where: { tokenHash } });
    if (!session || !session.active) return undefined;
    const identity = await getIdentity(ctx, session.identityId);
    if (!identity) return undefined;
    found = { session, identity };
    const ttl = Math.min(SESSION_CACHE_TTL_MS, session.expiresAt.getTime() - ctx.now.getTime());
    if (ttl > 0) cacheSet(ctx.project.id, tokenHash, { sessionId: session.id, identityId: identity.id }, found, ttl);
  }
  if (found.session.expiresAt <= ctx.now || found.identity.state !== "active") return undefined;
  return found;
}

/** The caller's session (cookie, `X-Session-Token`, or `Authorization: Bearer`), or undefined. */
export async function sessionFromRequest(ctx: RequestContext): Promise<AuthenticatedSession | undefined> {
  const carried = sessionTokenFromRequest(ctx);
  if (!carried) return undefined;
  const found = await sessionFromToken(ctx, carried.token);
  return found ? { ...found, via: carried.via } : undefined;
}
