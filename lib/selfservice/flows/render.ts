import type { Aal } from "@/lib/sessions";
import { projectStrategies } from "../strategies";
import type { UiNode } from "../ui";
import { accountChooserNodes, isChoosingAccount } from "./login/account-chooser";
import { servesAal, type LoginEnv } from "./login/strategy";
import type { FlowEnv } from "./strategy";
import type { FlowContext, FlowRecord } from "./types";

/** The AAL a login flow asks for (Kratos' `requested_aal`). */
export const requestedAal = (flow: FlowRecord): Aal => (flow.context.requested_aal === "aal2" ? "aal2" : "aal1");

/**
 * The login strategies acting on a flow now: those that serve its requested AAL (first factors, or second ones), and
 * of those the ones a gating step (identifier-first) offers at this point of the flow.
 */
export function loginStrategiesFor(ctx: FlowContext, flow: FlowRecord) {
  const aal = requestedAal(flow);
  const serving = projectStrategies(ctx).login.filter((strategy) => servesAal(strategy, aal));
  const offered = serving.map((strategy) => strategy.offered?.(ctx, flow)).find((ids) => ids !== undefined);
  return offered ? serving.filter((strategy) => offered.includes(strategy.id)) : serving;
}

/**
 * Each input once: methods that share a field (the identifier of password and code login, the traits of their
 * registrations) render it in the same group, as Kratos' node upsert does; submit buttons are each method's own.
 */
function once(nodes: UiNode[]): UiNode[] {
  const seen = new Set<string>();
  return nodes.filter((node) => {
    const { attributes } = node;
    if (attributes.node_type !== "input" || attributes.type === "submit") return true;
    const key = `${node.group} ${attributes.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * While a login or registration waits for a code or link a method sent (`sent_email`), only that method (the flow's
 * `active` one) is shown, as Kratos does.
 */
const activeOnly = <S extends { id: string }>(flow: FlowRecord, strategies: readonly S[]): readonly S[] =>
  flow.state === "sent_email" && (flow.kind === "login" || flow.kind === "registration") ? strategies.filter((strategy) => strategy.id === flow.active) : strategies;

/** The nodes of a flow in its current state: the CSRF node, then each enabled strategy's nodes of the flow's kind. */
export async function renderNodes(ctx: FlowContext, flow: FlowRecord, env: FlowEnv, csrfNode: UiNode): Promise<UiNode[]> {
  return once(await collectNodes(ctx, flow, env, csrfNode));
}

async function collectNodes(ctx: FlowContext, flow: FlowRecord, env: FlowEnv, csrfNode: UiNode): Promise<UiNode[]> {
  const nodes: UiNode[] = [csrfNode];
  const strategies = projectStrategies(ctx);
  switch (flow.kind) {
    case "login": {
      // The OAuth2 account chooser is the flow's only step while it asks.
      if (isChoosingAccount(flow)) return [...nodes, ...accountChooserNodes(flow)];
      const loginEnv: LoginEnv = { ...env, requestedAal: requestedAal(flow) };
      for (const strategy of activeOnly(flow, loginStrategiesFor(ctx, flow))) nodes.push(...(await strategy.nodes(ctx, flow, loginEnv)));
      return nodes;
    }
    case "settings": {
      if (!env.session || !env.identity) throw new Error("a settings flow renders for a signed-in identity");
      const settingsEnv = { session: env.session, identity: env.identity };
      for (const strategy of strategies.settings) nodes.push(...(await strategy.nodes(ctx, flow, settingsEnv)));
      return nodes;
    }
    case "registration":
      for (const strategy of activeOnly(flow, strategies.registration)) nodes.push(...(await strategy.nodes(ctx, flow, env)));
      return nodes;
    case "recovery":
      for (const strategy of strategies.recovery) nodes.push(...(await strategy.nodes(ctx, flow, env)));
      return nodes;
    case "verification":
      for (const strategy of strategies.verification) nodes.push(...(await strategy.nodes(ctx, flow, env)));
      return nodes;
  }
}
