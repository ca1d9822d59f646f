import type { Row, SqlStatement } from "@/lib/db/sql-runner";
import type { IdentityRecord } from "@/lib/identity";
import type { LimitInput } from "@/lib/ratelimit";
import type { AuthenticatedSession } from "@/lib/sessions";
import type { FlowContext, FlowKind, FlowRecord } from "../flows/types";
import type { UiNode } from "../ui";

/** What a strategy may know besides the flow: the caller's session (settings, login refresh). */
export interface StrategyEnv {
  session?: AuthenticatedSession;
  /** The identity the flow is about (settings; login refresh). */
  identity?: IdentityRecord;
  /** The rows of the responsible strategy's prefetch statement (by name), when the kind could run it. */
  prefetched?: { name: string; rows: Row[] };
}

export type SubmitBody = Record<string, unknown>;

/** Kratos' "not responsible": the submission's `method` is not this strategy's; the next one is asked. */
export const NOT_RESPONSIBLE = Symbol("not responsible");

export type StrategyResult =
  | { kind: "login"; identity: IdentityRecord; method: string }
  | { kind: "registration"; traits: Record<string, unknown>; schemaId?: string; password?: string; method: string }
  | { kind: "settings"; method: string; privileged: boolean; apply: () => Promise<IdentityRecord> }
  /** Recovery / verification: the strategy changed the flow itself (code sent, or code accepted). */
  | { kind: "code_sent" }
  | { kind: "recovered"; identity: IdentityRecord; method: string }
  | { kind: "verified"; identity: IdentityRecord }
  /** Login: the account chooser's answer (continue as the signed-in account, the wanted one, or another). */
  | { kind: "account_chosen"; choice: "current" | "hinted" | "another" };

/**
 * A credential method (Kratos strategy): adds its nodes to a flow and handles submissions whose `method` is its
 * own. Adding a method adds nodes, never a page.
 */
export interface Strategy {
  readonly id: string;
  readonly kinds: readonly FlowKind[];
  nodes(ctx: FlowContext, flow: FlowRecord, env: StrategyEnv): Promise<UiNode[]> | UiNode[];
  submit(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: StrategyEnv): Promise<StrategyResult | typeof NOT_RESPONSIBLE>;
  /**
   * The rate limits of a submission this strategy is responsible for, counted before any strategy runs: the kind
   * counts them after its own in one round trip (login's does, as it loads the flow), and `submit` does not count
   * them again.
   */
  limits?(ctx: FlowContext, kind: FlowKind, body: SubmitBody): LimitInput[];
  /** A read `submit` will make for a submission it is responsible for, which the kind may run with its limits. */
  prefetch?(ctx: FlowContext, kind: FlowKind, body: SubmitBody): SqlStatement | undefined;
  /** Whether this strategy alone handles the flow's current step (the account chooser, before any sign-in method). */
  claims?(flow: FlowRecord): boolean;
}

const registry: Strategy[] = [];

/** lib/strategies registers the built-in methods; flows never import them (no cycle). */
export function registerStrategy(strategy: Strategy): void {
  if (!registry.some((s) => s.id === strategy.id)) registry.push(strategy);
}

export const strategiesFor = (kind: FlowKind): Strategy[] => registry.filter((s) => s.kinds.includes(kind));

/** The strategies acting on a flow now: the one claiming its current step alone, else every one of its kind. */
export function activeStrategies(flow: FlowRecord): Strategy[] {
  const all = strategiesFor(flow.kind);
  const claiming = all.find((strategy) => strategy.claims?.(flow));
  return claiming ? [claiming] : all;
}

/** The limits the strategies responsible for a submission count (see Strategy.limits). */
export const submissionLimits = (ctx: FlowContext, kind: FlowKind, body: SubmitBody): LimitInput[] =>
  strategiesFor(kind).flatMap((strategy) => strategy.limits?.(ctx, kind, body) ?? []);

/** The prefetch statement of the strategy responsible for a submission, if it has one (see Strategy.prefetch). */
export function submissionPrefetch(ctx: FlowContext, kind: FlowKind, body: SubmitBody): SqlStatement | undefined {
  for (const strategy of strategiesFor(kind)) {
    const statement = strategy.prefetch?.(ctx, kind, body);
    if (statement) return statement;
  }
  return undefined;
}

/** The UI of a flow in its current state: the CSRF node, then every active strategy's nodes in order. */
export async function renderNodes(ctx: FlowContext, flow: FlowRecord, env: StrategyEnv, csrfNode: UiNode): Promise<UiNode[]> {
  const nodes: UiNode[] = [csrfNode];
  for (const strategy of activeStrategies(flow)) nodes.push(...(await strategy.nodes(ctx, flow, env)));
  return nodes;
}
