/**
 * Whether granted scopes satisfy a required scope, per Oathkeeper's (Hydra's) scope strategies:
 * exact (equality), hierarchic (`a` covers `a.b`), wildcard (`a.*` covers `a.b`), none (no check).
 */
export type ScopeStrategy = "hierarchic" | "exact" | "wildcard" | "none";

function covers(granted: string, required: string, strategy: ScopeStrategy): boolean {
  if (granted === required) return true;
  if (strategy === "hierarchic") return required.startsWith(`${granted}.`);
  if (strategy === "wildcard") {
    const g = granted.split(".");
    const r = required.split(".");
    if (g.length > r.length) return false;
    return g.every((part, i) => part === "*" || part === r[i]) && (g.length === r.length || g[g.length - 1] === "*");
  }
  return false;
}

export function missingScopes(granted: string[], required: string[], strategy: ScopeStrategy): string[] {
  if (strategy === "none") return [];
  return required.filter((scope) => !granted.some((g) => covers(g, scope, strategy)));
}

/** Scopes from a token's claims: `scp` (array) or `scope` (space-delimited, RFC 8693 §4.2). */
export function scopesOf(claims: Record<string, unknown>): string[] {
  if (Array.isArray(claims.scp)) return claims.scp.filter((s): s is string => typeof s === "string");
  if (typeof claims.scope === "string") return claims.scope.split(" ").filter(Boolean);
  if (Array.isArray(claims.scope)) return claims.scope.filter((s): s is string => typeof s === "string");
  return [];
}
