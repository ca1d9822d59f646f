import type { ServiceContext } from "./context";
import { identityInclude, type IdentityRecord } from "./store/record";
import { prefixUpperBound, toSearchKey } from "./store/search-tokens";

/**
 * Trait search for the console (our addition; Kratos has none): identities whose email, name or any other
 * string trait — or a word of it — starts with the query, case-insensitively. An index range scan on
 * `identity_search_tokens` (project_id, token).
 */
export async function searchIdentities(ctx: Pick<ServiceContext, "db">, query: string, limit = 50): Promise<IdentityRecord[]> {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  if (!words.length) return [];
  let matches: string[] | undefined;
  for (const word of words) {
    const key = toSearchKey(word.slice(0, 256));
    const rows = await ctx.db.identitySearchToken.findMany({
      where: { token: { gte: key, lt: prefixUpperBound(key) }, ...(matches ? { identityId: { in: matches } } : {}) },
      select: { identityId: true },
      distinct: ["identityId"],
      take: 1000,
    });
    matches = rows.map((r) => r.identityId);
    if (!matches.length) return [];
  }
  return ctx.db.identity.findMany({ where: { id: { in: matches!.slice(0, limit) } }, include: identityInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
