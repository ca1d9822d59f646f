import { flowUrls } from "../../flows/urls";
import type { FlowContext } from "../../flows/types";
import { inputNode, type UiNode, type UiNodeGroup } from "../../ui";
import { WEBAUTHN_SCRIPT_INTEGRITY } from "./script";

/** Where the project serves Ory's webauthn.js. */
export const webAuthnScriptUrl = (ctx: FlowContext) => `${flowUrls(ctx).base}/.well-known/ory/webauthn.js`;

/** Kratos' `webauthn_script` node: the script the triggers call, with its integrity. */
export function scriptNode(ctx: FlowContext, group: UiNodeGroup): UiNode {
  return {
    type: "script",
    group,
    attributes: {
      node_type: "script", id: "webauthn_script", src: webAuthnScriptUrl(ctx), async: true, referrerpolicy: "no-referrer",
      crossorigin: "anonymous", integrity: WEBAUTHN_SCRIPT_INTEGRITY, type: "text/javascript", nonce: "",
    },
    messages: [],
    meta: {},
  };
}

/** A button running one of webauthn.js' functions (`onclickTrigger`), its value what the function reads. */
export function triggerNode(name: string, group: UiNodeGroup, trigger: string, value: string, label: UiNode["meta"]["label"]): UiNode {
  const node = inputNode(name, group, { type: "button", value, label });
  if (node.attributes.node_type === "input") node.attributes.onclickTrigger = trigger;
  return node;
}
