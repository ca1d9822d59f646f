import type { OAuth2Settings } from "./settings";

/** RFC 6749 §3.3: a space-delimited, case-sensitive list; duplicates removed, order kept. */
export const parseScope = (value: string | null | undefined): string[] => [...new Set((value ?? "").split(" ").filter(Boolean))];

/**
 * Whether `allowed` (a client's registered scopes) covers `requested`. Hydra's wildcard strategy: a
 * registered `a.*` covers `a.b` and `a.b.c`; exact strategy: equality only.
 */
export function scopeAllowed(allowed: string[], requested: string, strategy: OAuth2Settings["strategies"]["scope"]): boolean {
  if (allowed.includes(requested)) return true;
  if (strategy !== "wildcard") return false;
  return allowed.some((a) => a.endsWith(".*") && requested.startsWith(a.slice(0, -1)) && requested.length > a.length - 1);
}

export const disallowedScopes = (allowed: string[], requested: string[], strategy: OAuth2Settings["strategies"]["scope"]) =>
  requested.filter((s) => !scopeAllowed(allowed, s, strategy));

/** Hydra's audience check: each requested audience must be registered on the client (exact, or a path below it). */
export function audienceAllowed(allowed: string[], requested: string): boolean {
  return allowed.some((a) => a === requested || (requested.startsWith(a.replace(/\/+$/, "") + "/") && /^https?:\/\//.test(a)));
}

/** The offline scopes that let a grant return a refresh token. */
export const grantsRefresh = (scopes: string[]) => scopes.includes("offline_access") || scopes.includes("offline");
