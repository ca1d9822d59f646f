import { instanceWide } from "@/lib/core/instance-wide";
import { processGlobal } from "@/lib/core/process-global";
import { SingleFlight } from "@/lib/core/single-flight";
import { TtlCache } from "@/lib/core/ttl-cache";
import { projectDb } from "@/lib/db";
import { hashToken, PROJECT_KEY_PREFIX } from "./tokens";

export interface VerifiedProjectKey {
  projectId: string;
  keyId: string;
  expiresAt: Date | null;
}

// Key checks sit on every admin request. Cached by (project, hash) for a few seconds; revocation in this
// process evicts at once, other instances within the TTL (documented in the README). One cache per process
// (processGlobal): a revocation by a console action (Next's copy of this module) must evict what the fast
// path (server.ts's copy) cached.
// Busy keys are refreshed in the background at half the TTL, and concurrent misses share one query, so a
// request never waits on the database for a key it has seen (a cache expiry would otherwise stall every
// request in flight behind one query). A load racing a revocation is answered but not cached (epoch).
const TTL_MS = 5_000;
const cache = processGlobal("apikeys.verified", () => new TtlCache<string, { key: VerifiedProjectKey | null; loadedAt: number }>(TTL_MS, 50_000));
const loads = processGlobal("apikeys.loads", () => new SingleFlight<string, VerifiedProjectKey | null>());
const epoch = processGlobal("apikeys.epoch", () => ({ value: 0 }));
const lastUsedWrites = processGlobal("apikeys.last-used-writes", () => new TtlCache<string, true>(60_000, 50_000));

/** Verifies a project API key for exactly this project: a key of another project never matches. */
export async function verifyProjectApiKey(projectId: string, token: string, now = new Date()): Promise<VerifiedProjectKey | undefined> {
  if (!token.startsWith(PROJECT_KEY_PREFIX) || token.length > 200) return undefined;
  const hash = hashToken(token);
  const cacheKey = `${projectId}:${hash}`;
  const cached = cache.get(cacheKey);
  const flight = `${epoch.value}:${cacheKey}`;
  if (cached && Date.now() - cached.loadedAt > TTL_MS / 2) loads.refresh(flight, () => loadKey(projectId, hash, cacheKey));
  const key = cached ? cached.key : await loads.run(flight, () => loadKey(projectId, hash, cacheKey));
  if (!key || (key.expiresAt && key.expiresAt <= now)) return undefined;
  if (!lastUsedWrites.get(key.keyId)) {
    lastUsedWrites.set(key.keyId, true);
    void touchLastUsed(projectId, key.keyId, now);
  }
  return key;
}

async function loadKey(projectId: string, hash: string, cacheKey: string): Promise<VerifiedProjectKey | null> {
  const startedAt = epoch.value;
  const db = await projectDb(projectId);
  const row = await db.projectApiKey.findUnique({ where: { projectId_tokenHash: { projectId, tokenHash: hash } }, select: { id: true, expiresAt: true } });
  const key = row ? { projectId, keyId: row.id, expiresAt: row.expiresAt } : null;
  if (startedAt === epoch.value) cache.set(cacheKey, { key, loadedAt: Date.now() });
  return key;
}

async function touchLastUsed(projectId: string, keyId: string, now: Date): Promise<void> {
  try {
    const db = await projectDb(projectId);
    await db.projectApiKey.updateMany({ where: { projectId, id: keyId }, data: { lastUsedAt: now } });
  } catch {
    // Best effort: a failed timestamp never fails the request.
  }
}

export const forgetProjectKey = instanceWide("apikeys/verify#forgetProjectKey", (projectId: string, keyId?: string): void => {
  epoch.value++;
  cache.deleteWhere((value, cacheKey) => cacheKey.startsWith(`${projectId}:`) && (!keyId || value.key?.keyId === keyId));
});
