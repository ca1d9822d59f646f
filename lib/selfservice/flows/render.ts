import type { Aal } from "@/lib/sessions";
import { projectStrategies } from "../strategies";
import type { UiNode } from "../ui";
import { accountChooserNodes, isChoosingAccount } from "./login/account-chooser";
import { servesAal, type LoginEnv } from "./login/strategy";
import type { FlowEnv } from "./strategy";
import type { FlowContext, FlowRecord } from "./types";

/** The AAL a login flow asks for (Kratos' `requested_aal`). */
export const requestedAal = (flow: FlowRecord): Aal => (flow.context.requested_aal === "aal2" ? "aal2" : "aal1");

/** The login strategies acting on a flow now: those that serve its requested AAL (first factors, or second ones). */
export function loginStrategiesFor(ctx: FlowContext, flow: FlowRecord) {
  const aal = requestedAal(flow);
  return projectStrategies(ctx).login.filter((strategy) => servesAal(strategy, aal));
}

/** The nodes of a flow in its current state: the CSRF node, then each enabled strategy's nodes of the flow's kind. */
export async function renderNodes(ctx: FlowContext, flow: FlowRecord, env: FlowEnv, csrfNode: UiNode): Promise<UiNode[]> {
  const nodes: UiNode[] = [csrfNode];
  const strategies = projectStrategies(ctx);
  switch (flow.kind) {
    case "login": {
      // The OAuth2 account chooser is the flow's only step while it asks.
      if (isChoosingAccount(flow)) return [...nodes, ...accountChooserNodes(flow)];
      const loginEnv: LoginEnv = { ...env, requestedAal: requestedAal(flow) };
      for (const strategy of loginStrategiesFor(ctx, flow)) nodes.push(...(await strategy.nodes(ctx, flow, loginEnv)));
      return nodes;
    }
    case "settings": {
      if (!env.session || !env.identity) throw new Error("a settings flow renders for a signed-in identity");
      const settingsEnv = { session: env.session, identity: env.identity };
      for (const strategy of strategies.settings) nodes.push(...(await strategy.nodes(ctx, flow, settingsEnv)));
      return nodes;
    }
    case "registration":
      for (const strategy of strategies.registration) nodes.push(...(await strategy.nodes(ctx, flow, env)));
      return nodes;
    case "recovery":
      for (const strategy of strategies.recovery) nodes.push(...(await strategy.nodes(ctx, flow, env)));
      return nodes;
    case "verification":
      for (const strategy of strategies.verification) nodes.push(...(await strategy.nodes(ctx, flow, env)));
      return nodes;
  }
}
