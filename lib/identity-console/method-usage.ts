import type { ProjectDb } from "@/lib/db";

/** How many identities use each credential type: one aggregate query (a credential type is unique per identity). */
export async function methodUsage(db: ProjectDb): Promise<Record<string, number>> {
  const rows = await db.identityCredential.groupBy({ by: ["type"], _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.type, row._count._all]));
}
