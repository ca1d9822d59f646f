import { randomUUID } from "node:crypto";
import { badRequest } from "@/lib/core/errors";
import type { MatchingStrategy } from "../match/compile-url";
import { compileDefaultRule, compileRule, RuleCompileError, type CompiledRule, type RuleIssue } from "./compile";
import { defaultRuleSchema, ruleInputSchema, type PipelineDocument, type RuleDocument } from "./schema";

/** A 400 listing every problem of a rule (`details.issues[]` with path and message). */
function invalid(issues: RuleIssue[], what = "access rule"): Error {
  return badRequest(`The ${what} is invalid.`, {
    id: "invalid_rule",
    reason: issues.length ? `${issues[0].path || "rule"}: ${issues[0].message}` : undefined,
    details: { issues },
  });
}

/**
 * Validates a rule on write: shape (zod), then every matcher and handler config compiled, exactly as it
 * will run. Returns the normalised document (defaults applied, id assigned) and its compiled form.
 */
export function validateRule(input: unknown, strategy: MatchingStrategy, fixedId?: string): { document: RuleDocument; compiled: CompiledRule } {
  const parsed = ruleInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  if (fixedId !== undefined && parsed.data.id !== undefined && parsed.data.id !== fixedId) {
    throw invalid([{ path: "id", message: "must match the id in the URL" }]);
  }
  const document: RuleDocument = { ...parsed.data, id: fixedId ?? parsed.data.id ?? randomUUID() };
  try {
    return { document, compiled: compileRule(document, strategy) };
  } catch (error) {
    if (error instanceof RuleCompileError) throw invalid(error.issues);
    throw error;
  }
}

export function validateDefaultRule(input: unknown, strategy: MatchingStrategy): PipelineDocument {
  const parsed = defaultRuleSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: ["default_rule", ...i.path.map(String)].join("."), message: i.message })), "default rule");
  try {
    compileDefaultRule(parsed.data, strategy);
  } catch (error) {
    if (error instanceof RuleCompileError) throw invalid(error.issues.map((i) => ({ ...i, path: `default_rule.${i.path}` })), "default rule");
    throw error;
  }
  return parsed.data;
}
