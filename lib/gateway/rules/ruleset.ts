import type { ProjectDb } from "@/lib/db";
import { gatewayLog } from "../log";
import type { MatchingStrategy } from "../match/compile-url";
import { compileDefaultRule, compileRule, RuleCompileError, type CompiledPipeline, type CompiledRule, type RuleIssue } from "./compile";
import { DEFAULT_RULE_ID } from "./schema";
import { openSecrets } from "./secrets";
import { listRuleRows, readSettings } from "./store";

/** A project's compiled rules in evaluation order, with a bounded memo of recent match outcomes. */
export interface RuleSet {
  projectId: string;
  version: number;
  strategy: MatchingStrategy;
  rules: CompiledRule[];
  defaultRule?: CompiledPipeline;
  /** Stored rules that no longer compile (e.g. after a strategy change); they never match. */
  broken: { id: string; issues: RuleIssue[] }[];
  matches: Map<string, MatchOutcome>;
}

export type MatchOutcome = { rule: CompiledRule; groups: string[] } | { conflict: string[] } | null;

const MATCH_MEMO = 4096;

export async function loadRuleSet(projectId: string, db: ProjectDb): Promise<RuleSet> {
  const [settings, documents] = await Promise.all([readSettings(db), listRuleRows(db)]);
  const rules: CompiledRule[] = [];
  const broken: RuleSet["broken"] = [];
  for (const doc of documents) {
    try {
      rules.push(compileRule(await openSecrets(doc, projectId, doc.id), settings.matchingStrategy));
    } catch (error) {
      const issues = error instanceof RuleCompileError ? error.issues : [{ path: "", message: "its secrets cannot be decrypted" }];
      broken.push({ id: doc.id, issues });
      gatewayLog().warn("gateway rule does not compile and is skipped", { projectId, ruleId: doc.id, issues });
    }
  }
  let defaultRule: CompiledPipeline | undefined;
  if (settings.defaultRule) {
    try {
      defaultRule = compileDefaultRule(await openSecrets(settings.defaultRule, projectId, DEFAULT_RULE_ID), settings.matchingStrategy);
    } catch (error) {
      broken.push({ id: DEFAULT_RULE_ID, issues: error instanceof RuleCompileError ? error.issues : [{ path: "", message: "its secrets cannot be decrypted" }] });
    }
  }
  return { projectId, version: settings.version, strategy: settings.matchingStrategy, rules, defaultRule, broken, matches: new Map() };
}

/**
 * The rule for a request: the highest-priority rule whose methods, host and URL pattern match. Two matching
 * rules of the same (highest) priority are a conflict, as two matching rules are for Oathkeeper.
 * `target` is `scheme://host/path` (match/normalize.ts).
 */
export function findRule(set: RuleSet, method: string, target: string, host: string): MatchOutcome {
  const key = `${method} ${target}`;
  const memo = set.matches.get(key);
  if (memo !== undefined) return memo;
  let found: { rule: CompiledRule; groups: string[] } | undefined;
  const conflicts: string[] = [];
  for (const rule of set.rules) {
    if (found && rule.priority < found.rule.priority) break;
    if (!rule.methods.has(method) || !target.startsWith(rule.url.prefix)) continue;
    if (rule.host && !rule.host(host)) continue;
    const groups = rule.url.match(target);
    if (!groups) continue;
    if (found) conflicts.push(rule.id);
    else found = { rule, groups };
  }
  const outcome: MatchOutcome = conflicts.length && found ? { conflict: [found.rule.id, ...conflicts] } : (found ?? null);
  if (set.matches.size >= MATCH_MEMO) set.matches.delete(set.matches.keys().next().value!);
  set.matches.set(key, outcome);
  return outcome;
}
