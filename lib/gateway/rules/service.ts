import { recordAudit } from "@/lib/audit";
import { badRequest, conflict, notFound } from "@/lib/core/errors";
import type { ProjectDb } from "@/lib/db";
import { invalidateRuleSet } from "./cache";
import { compileRule, RuleCompileError } from "./compile";
import { DEFAULT_RULE_ID, settingsInputSchema, type PipelineDocument, type RuleDocument } from "./schema";
import { openSecrets, REDACTED, redactSecrets, restoreRedacted, sealSecrets } from "./secrets";
import { toOathkeeperRule, type OathkeeperRule } from "./serialize";
import { bumpVersion, findRuleRow, listRuleRows, readSettings, ruleData } from "./store";
import { validateDefaultRule, validateRule } from "./validate";

/** Who changes rules (lib/http's ProjectContext fits): the project, its scoped client, the actor. */
export interface GatewayAdminContext {
  project: { id: string; workspaceId: string };
  db: ProjectDb;
  actor: { type: string; id?: string };
  request?: { ip: string };
}

type Tx = Parameters<Parameters<ProjectDb["$transaction"]>[0]>[0];

const audit = (ctx: GatewayAdminContext, tx: Tx, action: string, targetId: string, data: Record<string, unknown> = {}) =>
  recordAudit(tx, {
    workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, actorType: ctx.actor.type, actorId: ctx.actor.id ?? "",
    action, targetType: "gateway_rule", targetId, data, ip: ctx.request?.ip ?? "",
  });

/** Rules as the API shows them: secrets in handler configs redacted (rules/secrets.ts). */
const shown = (doc: RuleDocument) => toOathkeeperRule(redactSecrets(doc));

export async function listRules(ctx: Pick<GatewayAdminContext, "db">, page?: { limit: number; offset: number }): Promise<OathkeeperRule[]> {
  return (await listRuleRows(ctx.db, page)).map(shown);
}

export async function getRule(ctx: Pick<GatewayAdminContext, "db">, id: string): Promise<OathkeeperRule> {
  const doc = await findRuleRow(ctx.db, id);
  if (!doc) throw notFound("The requested access rule does not exist.", { id: "rule_not_found" });
  return shown(doc);
}

/** REDACTED in a written document keeps the stored secret; with none stored it is an error. */
async function withStoredSecrets<T extends PipelineDocument>(doc: T, stored: T | undefined, projectId: string, ruleId: string, prefix = ""): Promise<T> {
  const missing = restoreRedacted(doc, stored ? await openSecrets(stored, projectId, ruleId) : undefined);
  if (missing.length) {
    const issues = missing.map((path) => ({ path: prefix + path, message: `is ${JSON.stringify(REDACTED)} but no secret is stored there` }));
    throw badRequest("The access rule is invalid.", { id: "invalid_rule", reason: `${issues[0].path}: ${issues[0].message}`, details: { issues } });
  }
  return sealSecrets(doc, projectId, ruleId);
}

export async function createRule(ctx: GatewayAdminContext, input: unknown): Promise<OathkeeperRule> {
  const { matchingStrategy } = await readSettings(ctx.db);
  const { document } = validateRule(input, matchingStrategy);
  const sealed = await withStoredSecrets(document, undefined, ctx.project.id, document.id);
  await ctx.db.$transaction(async (tx) => {
    if (await tx.gatewayRule.findFirst({ where: { id: document.id } })) {
      throw conflict(`An access rule with id "${document.id}" already exists.`, { id: "rule_exists" });
    }
    await tx.gatewayRule.create({ data: { projectId: ctx.project.id, ...ruleData(sealed) } });
    await bumpVersion(tx, ctx.project.id);
    await audit(ctx, tx, "gateway.rule.created", document.id, { priority: document.priority, url: document.match.url });
  });
  invalidateRuleSet(ctx.project.id);
  return shown(document);
}

export async function replaceRule(ctx: GatewayAdminContext, id: string, input: unknown): Promise<OathkeeperRule> {
  const { matchingStrategy } = await readSettings(ctx.db);
  const { document } = validateRule(input, matchingStrategy, id);
  const sealed = await withStoredSecrets(document, await findRuleRow(ctx.db, id), ctx.project.id, id);
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.gatewayRule.updateMany({ where: { id }, data: { ...ruleData(sealed), updatedAt: new Date() } });
    if (count === 0) throw notFound("The requested access rule does not exist.", { id: "rule_not_found" });
    await bumpVersion(tx, ctx.project.id);
    await audit(ctx, tx, "gateway.rule.updated", id, { priority: document.priority, url: document.match.url });
  });
  invalidateRuleSet(ctx.project.id);
  return shown(document);
}

export async function deleteRule(ctx: GatewayAdminContext, id: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.gatewayRule.deleteMany({ where: { id } });
    if (count === 0) throw notFound("The requested access rule does not exist.", { id: "rule_not_found" });
    await bumpVersion(tx, ctx.project.id);
    await audit(ctx, tx, "gateway.rule.deleted", id);
  });
  invalidateRuleSet(ctx.project.id);
}

export interface GatewaySettingsView {
  matching_strategy: "regexp" | "glob";
  default_rule: PipelineDocument | null;
}

export async function getGatewaySettings(ctx: Pick<GatewayAdminContext, "db">): Promise<GatewaySettingsView> {
  const settings = await readSettings(ctx.db);
  return { matching_strategy: settings.matchingStrategy, default_rule: settings.defaultRule ? redactSecrets(settings.defaultRule) : null };
}

/** Changes the matching strategy (every stored rule must still compile) and/or the default rule (null: deny). */
export async function updateGatewaySettings(ctx: GatewayAdminContext, input: unknown): Promise<GatewaySettingsView> {
  const changes = settingsInputSchema.parse(input);
  const current = await readSettings(ctx.db);
  const strategy = changes.matching_strategy ?? current.matchingStrategy;
  const validated = changes.default_rule ? validateDefaultRule(changes.default_rule, strategy) : changes.default_rule;
  const defaultRule = validated
    ? await withStoredSecrets(validated, current.defaultRule ?? undefined, ctx.project.id, DEFAULT_RULE_ID, "default_rule.")
    : validated;
  if (strategy !== current.matchingStrategy) {
    const broken: { id: string; issues: unknown }[] = [];
    for (const doc of await listRuleRows(ctx.db)) {
      try {
        compileRule(await openSecrets(doc, ctx.project.id, doc.id), strategy);
      } catch (error) {
        if (error instanceof RuleCompileError) broken.push({ id: doc.id, issues: error.issues });
        else throw error;
      }
    }
    if (broken.length) {
      throw badRequest(`${broken.length} access rule(s) do not compile with the ${strategy} strategy.`, { id: "invalid_rule", details: { rules: broken } });
    }
  }
  await ctx.db.$transaction(async (tx) => {
    await bumpVersion(tx, ctx.project.id, { matchingStrategy: strategy, defaultRule });
    await recordAudit(tx, {
      workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, actorType: ctx.actor.type, actorId: ctx.actor.id ?? "",
      action: "gateway.settings.updated", targetType: "gateway_settings", targetId: ctx.project.id,
      data: { matching_strategy: strategy, default_rule: defaultRule === undefined ? "unchanged" : defaultRule ? "set" : "deny" }, ip: ctx.request?.ip ?? "",
    });
  });
  invalidateRuleSet(ctx.project.id);
  return getGatewaySettings(ctx);
}
