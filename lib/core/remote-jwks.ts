import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from "jose";
import { outboundFetch } from "./outbound-fetch";

/** JWKS fetches go through the SSRF guard (outbound-guard.ts): tenants name these URLs. */
const guardedFetch = (url: string, options: { headers?: HeadersInit; signal?: AbortSignal; method?: string }) =>
  outboundFetch(url, { method: options.method, headers: Object.fromEntries(new Headers(options.headers)), signal: options.signal });

export interface RemoteJwksOptions {
  ttlMs: number;
  timeoutMs: number;
  /** Least time between fetches triggered by an unknown `kid`. */
  cooldownMs?: number;
}

/**
 * Remote JWK Sets by URL, shared by every caller naming the URL (a JWKS is public data): gateway `jwt` rules and
 * OAuth2 clients' `jwks_uri`. jose caches the keys, refetches when a token names an unknown `kid` (at most once per
 * cooldown) and after `ttlMs`.
 */
const sets = new Map<string, JWTVerifyGetKey>();
const MAX_SETS = 1000;

export function remoteJwks(url: string, options: RemoteJwksOptions): JWTVerifyGetKey {
  const cooldownMs = options.cooldownMs ?? 5_000;
  const key = `${url} ${options.ttlMs} ${options.timeoutMs} ${cooldownMs}`;
  let set = sets.get(key);
  if (!set) {
    if (sets.size >= MAX_SETS) sets.delete(sets.keys().next().value!);
    set = createRemoteJWKSet(new URL(url), { cacheMaxAge: options.ttlMs, timeoutDuration: options.timeoutMs, cooldownDuration: cooldownMs, [customFetch]: guardedFetch });
    sets.set(key, set);
  }
  return set;
}

export function forgetRemoteJwks(): void {
  sets.clear();
}
