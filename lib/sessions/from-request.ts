import { bearerToken } from "@/lib/apikeys/tokens";
import { getIdentity, type IdentityRecord, type ServiceContext } from "@/lib/identity";
import { SingleFlight } from "@/lib/core/single-flight";
import { cacheDelete, cacheEntry, cacheEpoch, cacheSet, SESSION_CACHE_TTL_MS } from "./cache";
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

const lookups = new SingleFlight<string, CachedLookup | undefined>();

async function loadSession(ctx: RequestContext, tokenHash: string): Promise<CachedLookup | undefined> {
  const epoch = cacheEpoch();
  const session = await ctx.db.session.findFirst({ where: { tokenHash } });
  const identity = session?.active ? await getIdentity(ctx, session.identityId) : undefined;
  if (!session || !identity) {
    cacheDelete(ctx.project.id, tokenHash); // a background refresh found it revoked elsewhere
    return undefined;
  }
  const found = { session, identity };
  const ttl = Math.min(SESSION_CACHE_TTL_MS, session.expiresAt.getTime() - Date.now());
  if (ttl > 0) cacheSet(ctx.project.id, tokenHash, { sessionId: session.id, identityId: identity.id }, found, ttl, epoch);
  return found;
}

/**
 * Looks a session token up (cache first): active, unexpired, of an active identity — else undefined.
 * A hit never touches the database; past half its lifetime an entry is refreshed in the background, so a
 * busy token does not stall on expiry, and concurrent misses share one lookup.
 */
export async function sessionFromToken(ctx: RequestContext, token: string): Promise<CachedLookup | undefined> {
  if (!looksLikeSessionToken(token)) return undefined;
  const tokenHash = hashSessionToken(token);
  const now = ctx.now.getTime();
  const key = `${cacheEpoch()}:${ctx.project.id}:${tokenHash}`; // no sharing of a lookup across an invalidation
  const hit = cacheEntry<CachedLookup>(ctx.project.id, tokenHash, now);
  if (hit && now - hit.loadedAt > SESSION_CACHE_TTL_MS / 2) lookups.refresh(key, () => loadSession(ctx, tokenHash));
  const found = hit ? hit.value : await lookups.run(key, () => loadSession(ctx, tokenHash));
  if (!found || found.session.expiresAt <= ctx.now || found.identity.state !== "active") return undefined;
  return found;
}

/** The caller's session (cookie, `X-Session-Token`, or `Authorization: Bearer`), or undefined. */
export async function sessionFromRequest(ctx: RequestContext): Promise<AuthenticatedSession | undefined> {
  const carried = sessionTokenFromRequest(ctx);
  if (!carried) return undefined;
  const found = await sessionFromToken(ctx, carried.token);
  return found ? { ...found, via: carried.via } : undefined;
}
