import { removeCredential, replaceCredential } from "@/lib/identity";
import { addAuthenticationMethod } from "@/lib/sessions";
import { bodyFlag } from "../../flows/body";
import { FlowError } from "../../flows/errors";
import type { SettingsEnv, SettingsUpdate } from "../../flows/settings/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import type { UiNode } from "../../ui";
import { CODE_COUNT, hasUnusedCode, lookupConfigOf, newCodes, openPendingCodes, sealPendingCodes, storedConfig } from "./codes";
import { lookupCredential } from "./login";
import { confirmNode, disableNode, newCodesNode, regenerateNode, revealNode, storedCodesNode } from "./nodes";

/** Kratos' lookup settings nodes for the flow's state: new codes to confirm, revealed codes, or the buttons. */
export async function lookupSettingsNodes(ctx: FlowContext, flow: FlowRecord, env: SettingsEnv): Promise<UiNode[]> {
  if (flow.context.lookup_pending) return [newCodesNode(await openPendingCodes(flow.context.lookup_pending, ctx.project.id, flow.id)), confirmNode()];
  const config = lookupConfigOf(lookupCredential(env.identity)?.config);
  if (config && flow.context.lookup_revealed) return [storedCodesNode(config.recovery_codes), disableNode(), regenerateNode()];
  return config && hasUnusedCode(config) ? [revealNode(), disableNode()] : [regenerateNode()];
}

const noPendingCodes = () =>
  new FlowError("bad_request", "You must (re-)generate recovery backup codes before you can save them.", { reason: "You must (re-)generate recovery backup codes before you can save them." });

/**
 * Kratos' lookup settings: `lookup_secret_regenerate` shows 12 new codes (once: only their keyed hashes are ever
 * stored), `lookup_secret_confirm` stores them (replacing the old ones) and adds `lookup_secret` (aal2) to the
 * session, `lookup_secret_reveal` shows which codes are used, `lookup_secret_disable` removes them. All privileged.
 */
export async function submitLookupSettings(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: SettingsEnv): Promise<SettingsUpdate> {
  const identityId = env.identity.id;
  const update = (apply: SettingsUpdate["apply"], returnToUi = false): SettingsUpdate => ({ method: "lookup_secret", privileged: true, apply, ...(returnToUi ? { returnToUi } : {}) });
  if (bodyFlag(body, "lookup_secret_confirm")) {
    const codes = flow.context.lookup_pending ? await openPendingCodes(flow.context.lookup_pending, ctx.project.id, flow.id) : [];
    if (codes.length !== CODE_COUNT) throw noPendingCodes();
    return update(async () => {
      const identity = await replaceCredential(ctx, identityId, { type: "lookup_secret", config: { ...(await storedConfig(codes)) }, identifiers: [identityId] }, "identity.credentials.lookup_secret.confirmed");
      delete flow.context.lookup_pending;
      await addAuthenticationMethod(ctx, env.session.session.id, "lookup_secret", "aal2");
      return identity;
    });
  }
  if (bodyFlag(body, "lookup_secret_disable")) {
    return update(async () => {
      delete flow.context.lookup_pending;
      delete flow.context.lookup_revealed;
      return (await removeCredential(ctx, identityId, "lookup_secret", "identity.credentials.lookup_secret.disabled")) ?? env.identity;
    });
  }
  if (bodyFlag(body, "lookup_secret_reveal")) {
    if (!lookupCredential(env.identity)) throw new FlowError("bad_request", "Can not reveal lookup codes because you have none.", { reason: "Can not reveal lookup codes because you have none." });
    return update(async () => {
      flow.context.lookup_revealed = true;
      return env.identity;
    }, true);
  }
  // lookup_secret_regenerate
  return update(async () => {
    flow.context.lookup_pending = await sealPendingCodes(newCodes(), ctx.project.id, flow.id);
    delete flow.context.lookup_revealed;
    return env.identity;
  }, true);
}
