import { hookPayload, oryIdentity, orySession } from "../../flows/common";
import type { FlowContext } from "../../flows/types";
import { webHookConfigSchema } from "./config";
import { runWebHookConfigs, type RunHooksInput } from "./execute";
import type { Hook, HookSpec } from "../types";

/** One configured `web_hook` entry; an entry whose config does not parse is skipped (as the list reader always did). */
function run(ctx: FlowContext, spec: HookSpec, input: RunHooksInput) {
  const config = webHookConfigSchema.safeParse(spec.config);
  return config.success ? runWebHookConfigs(ctx, [config.data], input) : Promise.resolve(undefined);
}

/**
 * Kratos' `web_hook` after a flow (lib/selfservice/hooks/web-hook): on registration it runs before the identity is
 * stored and may veto it (`can_interrupt`) or amend it (`response.parse`); on login before the session is stored.
 */
export const webHook: Hook = {
  name: "web_hook",
  stages: {
    login: async (ctx, o, spec) => void (await run(ctx, spec, { flow: "login", phase: "after", method: o.method, payload: () => hookPayload(o.flow, { identity: oryIdentity(ctx, o.identity), session: orySession(ctx, o.session, o.identity) }) })),
    async registration_proposal(ctx, proposal, spec) {
      const patch = await run(ctx, spec, { flow: "registration", phase: "after", method: proposal.method, payload: hookPayload(proposal.flow, { identity: proposal.identity }) });
      if (patch) proposal.patch = { ...proposal.patch, ...patch };
    },
    settings: async (ctx, o, spec) => void (await run(ctx, spec, { flow: "settings", phase: "after", method: o.method, payload: hookPayload(o.flow, { identity: oryIdentity(ctx, o.identity), session: orySession(ctx, o.session, o.identity) }) })),
    recovery: async (ctx, o, spec) => void (await run(ctx, spec, { flow: "recovery", phase: "after", payload: hookPayload(o.flow, { identity: oryIdentity(ctx, o.identity), ...(o.session ? { session: orySession(ctx, o.session, o.identity) } : {}) }) })),
    verification: async (ctx, o, spec) => void (await run(ctx, spec, { flow: "verification", phase: "after", method: o.method, payload: hookPayload(o.flow, { identity: oryIdentity(ctx, o.identity) }) })),
  },
};
