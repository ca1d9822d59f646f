import type { BlockList } from "node:net";
import { processGlobal } from "@/lib/core/process-global";
import { SingleFlight } from "@/lib/core/single-flight";
import { TtlCache } from "@/lib/core/ttl-cache";
import type { ProjectDb } from "@/lib/db";
import type { ApiKey } from "@/lib/db/generated/client";
import { compileAllowList } from "./ip-restriction";

/** What verification needs of a key, kept in process. */
export interface CachedKey {
  id: string;
  kind: string;
  actorId: string;
  scopes: string[];
  metadata: Record<string, unknown>;
  visibility: string;
  rateLimitPolicy: Record<string, unknown> | null;
  allowList: BlockList | undefined;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

// The hot path: keys by (project, keyed hash) for 5 s, shared by every copy of this module in the process
// (processGlobal: a revocation from the console must evict what server.ts' fast path cached). Revocation
// through this instance evicts at once; other instances see it within the TTL (README). Misses for the same
// hash share one query; a load racing a revocation is answered but not cached (epoch).
const TTL_MS = 5_000;
const cache = processGlobal("api-key-service.keys", () => new TtlCache<string, CachedKey | null>(TTL_MS, 100_000));
const loads = processGlobal("api-key-service.loads", () => new SingleFlight<string, CachedKey | null>());
const epoch = processGlobal("api-key-service.epoch", () => ({ value: 0 }));

export function toCached(row: ApiKey): CachedKey {
  return {
    id: row.id, kind: row.kind, actorId: row.actorId, scopes: row.scopes, metadata: row.metadata as Record<string, unknown>,
    visibility: row.visibility, rateLimitPolicy: row.rateLimitPolicy as Record<string, unknown> | null,
    allowList: compileAllowList(row.allowedCidrs), expiresAt: row.expiresAt, revokedAt: row.revokedAt,
  };
}

/** The key stored under one of `hashes` (newest system secret first), from the cache (unless `fresh`) or the database. */
export function keyByHash(projectId: string, db: () => Promise<ProjectDb>, hashes: string[], fresh = false): Promise<CachedKey | null> | CachedKey | null {
  const cacheKey = `${projectId}:h:${hashes[0]}`;
  const hit = fresh ? undefined : cache.get(cacheKey);
  if (hit !== undefined) return hit;
  return load(cacheKey, async () => {
    const row = await (await db()).apiKey.findFirst({ where: { projectId, secretHash: { in: hashes } } });
    return row ? toCached(row) : null;
  });
}

/** The key by id (derived tokens name their parent), cached like keyByHash. */
export function keyById(projectId: string, db: () => Promise<ProjectDb>, keyId: string): Promise<CachedKey | null> | CachedKey | null {
  const cacheKey = `${projectId}:i:${keyId}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  return load(cacheKey, async () => {
    const row = await (await db()).apiKey.findFirst({ where: { projectId, id: keyId } });
    return row ? toCached(row) : null;
  });
}

function load(cacheKey: string, query: () => Promise<CachedKey | null>): Promise<CachedKey | null> {
  const startedAt = epoch.value;
  return loads.run(`${startedAt}:${cacheKey}`, async () => {
    const key = await query();
    if (startedAt === epoch.value) cache.set(cacheKey, key);
    return key;
  });
}

/** Drops a project's cached keys (all, or one key): called after every change through this instance. */
export function forgetApiKey(projectId: string, keyId?: string): void {
  epoch.value++;
  cache.deleteWhere((value, cacheKey) => cacheKey.startsWith(`${projectId}:`) && (!keyId || value === null || value.id === keyId));
}
