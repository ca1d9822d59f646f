import { instanceWide } from "@/lib/core/instance-wide";
import { processGlobal } from "@/lib/core/process-global";
import { TtlCache } from "@/lib/core/ttl-cache";
import { onIdentityChanged, type IdentityRecord } from "@/lib/identity";
import type { SessionRecord } from "./record";

/**
 * The whoami cache: session lookups by (project, token hash), kept briefly. Every revocation, logout, extension
 * and identity change in this process drops the affected entries at once, so this process never serves a
 * revoked session; other instances see the change within the TTL (the cache is per process, by design: a
 * shared cache would cost the network round trip it is meant to save).
 *
 * lib/identity announces identity changes (onIdentityChanged) without depending on lib/sessions; this cache listens.
 */
export interface CachedSessionKey {
  projectId: string;
  sessionId: string;
  identityId: string;
}

export const SESSION_CACHE_TTL_MS = 5_000;

// One per process (processGlobal), so revocations in Next's copy of this module reach server.ts's whoami.
const entries = processGlobal("sessions.whoami", () => new TtlCache<string, CachedSessionKey & { value: unknown; loadedAt: number }>(SESSION_CACHE_TTL_MS, 20_000));

// Bumped by every invalidation: a lookup that started before one must not store what it read (it may have
// read the session just before it was revoked). Per process, like the entries.
const epoch = processGlobal("sessions.whoami-epoch", () => ({ value: 0 }));

const keyOf = (projectId: string, tokenHash: string) => `${projectId}:${tokenHash}`;

export function cacheGet<T>(projectId: string, tokenHash: string, now = Date.now()): T | undefined {
  return entries.get(keyOf(projectId, tokenHash), now)?.value as T | undefined;
}

/** The cached value and when it was loaded (callers refresh ahead of expiry). */
export function cacheEntry<T>(projectId: string, tokenHash: string, now = Date.now()): { value: T; loadedAt: number } | undefined {
  const entry = entries.get(keyOf(projectId, tokenHash), now);
  return entry ? { value: entry.value as T, loadedAt: entry.loadedAt } : undefined;
}

/** The invalidation epoch to pass to `cacheSet` for a lookup starting now. */
export const cacheEpoch = (): number => epoch.value;

export function cacheSet(projectId: string, tokenHash: string, key: Omit<CachedSessionKey, "projectId">, value: unknown, ttlMs = SESSION_CACHE_TTL_MS, startedAt = epoch.value): void {
  if (startedAt !== epoch.value) return;
  const now = Date.now();
  entries.set(keyOf(projectId, tokenHash), { projectId, ...key, value, loadedAt: now }, now, ttlMs);
}

export function cacheDelete(projectId: string, tokenHash: string): void {
  entries.delete(keyOf(projectId, tokenHash));
}

/** Drops a session from the cache (revoke, logout, extend, AAL change). */
export const invalidateSession = instanceWide("sessions/cache#invalidateSession", (projectId: string, sessionId: string): void => {
  epoch.value++;
  entries.deleteWhere((entry) => entry.projectId === projectId && entry.sessionId === sessionId);
});

/** Drops every cached session of an identity (identity changed, deleted, or all sessions revoked). */
export const invalidateIdentitySessions = instanceWide("sessions/cache#invalidateIdentitySessions", (projectId: string, identityId: string): void => {
  epoch.value++;
  entries.deleteWhere((entry) => entry.projectId === projectId && entry.identityId === identityId);
});

export const clearSessionCache = instanceWide("sessions/cache#clearSessionCache", (): void => {
  epoch.value++;
  entries.clear();
});

// Wherever this cache exists, an identity change drops that identity's cached sessions.
onIdentityChanged("sessions.whoami", invalidateIdentitySessions);

/**
 * Puts a session just signed in into the cache (what a lookup of its token would load), so the step-up and whoami
 * requests that follow a login on this instance need no read. Only for a session whose row is stored.
 */
export function rememberSession(projectId: string, tokenHash: string, value: { session: SessionRecord; identity: IdentityRecord }): void {
  const ttl = Math.min(SESSION_CACHE_TTL_MS, value.session.expiresAt.getTime() - Date.now());
  if (ttl > 0) cacheSet(projectId, tokenHash, { sessionId: value.session.id, identityId: value.session.identityId }, value, ttl);
}
