import { processGlobal } from "@/lib/core/process-global";
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
const cache = processGlobal("apikeys.verified", () => new TtlCache<string, VerifiedProjectKey | null>(5_000, 50_000));
const lastUsedWrites = processGlobal("apikeys.last-used-writes", () => new TtlCache<string, true>(60_000, 50_000));

/** Verifies a project API key for exactly this project: a key of another project never matches. */
export async function verifyProjectApiKey(projectId: string, token: string, now = new Date()): Promise<VerifiedProjectKey | undefined> {
  if (!token.startsWith(PROJECT_KEY_PREFIX) || token.length > 200) return undefined;
  const hash = hashToken(token);
  const cacheKey = `${projectId}:${hash}`;
  let key = cache.get(cacheKey);
  if (key === undefined) {
    const db = await projectDb(projectId);
    const row = await db.projectApiKey.findUnique({
      where: { projectId_tokenHash: { projectId, tokenHash: hash } },
      select: { id: true, expiresAt: true },
    });
    key = row ? { projectId, keyId: row.id, expiresAt: row.expiresAt } : null;
    cache.set(cacheKey, key);
  }
  if (!key || (key.expiresAt && key.expiresAt <= now)) return undefined;
  if (!lastUsedWrites.get(key.keyId)) {
    lastUsedWrites.set(key.keyId, true);
    void touchLastUsed(projectId, key.keyId, now);
  }
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

export function forgetProjectKey(projectId: string, keyId?: string): void {
  cache.deleteWhere((value, cacheKey) => cacheKey.startsWith(`${projectId}:`) && (!keyId || value?.keyId === keyId));
}
