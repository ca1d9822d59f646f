import type { ServiceScope } from "./scope";

/** Verifications per UTC day for the last `days` days (oldest first, zeros included): the console's sparkline. */
export async function dailyUsage(scope: Pick<ServiceScope, "project" | "db" | "now">, keyIds: string[], days = 14): Promise<Map<string, number[]>> {
  const first = new Date(Date.UTC(scope.now.getUTCFullYear(), scope.now.getUTCMonth(), scope.now.getUTCDate() - (days - 1)));
  const rows = keyIds.length
    ? await scope.db.apiKeyUsageDay.findMany({ where: { projectId: scope.project.id, keyId: { in: keyIds }, day: { gte: first } } })
    : [];
  const out = new Map(keyIds.map((id) => [id, Array.from({ length: days }, () => 0)]));
  for (const row of rows) {
    const index = Math.round((row.day.getTime() - first.getTime()) / 86_400_000);
    const series = out.get(row.keyId);
    if (series && index >= 0 && index < days) series[index] = Number(row.count);
  }
  return out;
}
