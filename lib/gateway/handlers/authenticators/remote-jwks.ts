import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from "jose";
import { outboundFetch } from "@/lib/core/outbound-fetch";

/** JWKS fetches go through the SSRF guard (lib/core/outbound-guard.ts). */
const guardedFetch = (url: string, options: { headers?: HeadersInit; signal?: AbortSignal; method?: string }) =>
  outboundFetch(url, { method: options.method, headers: Object.fromEntries(new Headers(options.headers)), signal: options.signal });

/**
 * Remote JWK Sets by URL, shared by every rule naming the URL (a JWKS is public data). jose caches the
 * keys, refetches when a token names an unknown `kid` (at most once per cooldown) and after `cacheMaxAge`.
 */
const sets = new Map<string, JWTVerifyGetKey>();
const MAX_SETS = 1000;

export function remoteJwks(url: string, options: { ttlMs: number; timeoutMs: number }): JWTVerifyGetKey {
  const key = `${url} ${options.ttlMs} ${options.timeoutMs}`;
  let set = sets.get(key);
  if (!set) {
    if (sets.size >= MAX_SETS) sets.delete(sets.keys().next().value!);
    set = createRemoteJWKSet(new URL(url), { cacheMaxAge: options.ttlMs, timeoutDuration: options.timeoutMs, cooldownDuration: 5_000, [customFetch]: guardedFetch });
    sets.set(key, set);
  }
  return set;
}

export function forgetRemoteJwks(): void {
  sets.clear();
}
