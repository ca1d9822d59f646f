import type { ProjectDb } from "@/lib/db";
import { Prisma } from "@/lib/db";
import type { MatchingStrategy } from "../match/compile-url";
import type { PipelineDocument, RuleDocument } from "./schema";

/** Rows of gateway_rules / gateway_settings ↔ rule documents. Project scoping comes from the ProjectDb. */
type Row = { id: string; priority: number; description: string; definition: unknown };

export function toDocument(row: Row): RuleDocument {
  const definition = row.definition as Omit<RuleDocument, "id" | "priority" | "description">;
  return { ...definition, id: row.id, priority: row.priority, description: row.description };
}

function toDefinition(doc: RuleDocument): Prisma.InputJsonValue {
  const { id: _id, priority: _p, description: _d, ...definition } = doc;
  return definition as unknown as Prisma.InputJsonValue;
}

export const ruleData = (doc: RuleDocument) => ({ id: doc.id, priority: doc.priority, description: doc.description, definition: toDefinition(doc) });

/** Rules in evaluation order: priority (high first), then id. */
export async function listRuleRows(db: ProjectDb, page?: { limit: number; offset: number }): Promise<RuleDocument[]> {
  const rows = await db.gatewayRule.findMany({
    orderBy: [{ priority: "desc" }, { id: "asc" }],
    ...(page ? { take: page.limit, skip: page.offset } : {}),
  });
  return rows.map(toDocument);
}

export async function findRuleRow(db: ProjectDb, id: string): Promise<RuleDocument | undefined> {
  const row = await db.gatewayRule.findFirst({ where: { id } });
  return row ? toDocument(row) : undefined;
}

export interface GatewaySettingsRecord {
  matchingStrategy: MatchingStrategy;
  defaultRule: PipelineDocument | null;
  version: number;
}

export async function readSettings(db: Pick<ProjectDb, "gatewaySettings">): Promise<GatewaySettingsRecord> {
  const row = await db.gatewaySettings.findFirst({});
  return {
    matchingStrategy: row?.matchingStrategy === "glob" ? "glob" : "regexp",
    defaultRule: (row?.defaultRule as PipelineDocument | null | undefined) ?? null,
    version: Number(row?.version ?? 0),
  };
}

type Tx = Parameters<Parameters<ProjectDb["$transaction"]>[0]>[0];

/** Bumps the project's rule-set version inside a write's transaction (other instances notice within seconds). */
export async function bumpVersion(tx: Tx, projectId: string, changes: { matchingStrategy?: string; defaultRule?: PipelineDocument | null } = {}): Promise<number> {
  const defaultRule =
    changes.defaultRule === undefined ? undefined : changes.defaultRule === null ? Prisma.DbNull : (changes.defaultRule as unknown as Prisma.InputJsonValue);
  const now = new Date();
  const row = await tx.gatewaySettings.upsert({
    where: { projectId },
    create: { projectId, version: 1, matchingStrategy: changes.matchingStrategy ?? "regexp", defaultRule, updatedAt: now },
    update: { version: { increment: 1 }, matchingStrategy: changes.matchingStrategy, defaultRule, updatedAt: now },
  });
  return Number(row.version);
}
