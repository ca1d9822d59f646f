import { isInputNode, type UiNode } from "./types";

const isSubmit = (node: UiNode) => isInputNode(node) && node.attributes.type === "submit";

/**
 * The submit drawn as a form's primary action: every `method` submit (Kratos' "sign in with this method"); in a
 * form without one (the account chooser's `select_account` choices), its first submit — the server lists the
 * recommended choice first. Other submits (resend code, another account) look secondary.
 */
export function primarySubmits(nodes: readonly UiNode[]): Set<UiNode> {
  const methods = nodes.filter((node) => isSubmit(node) && isInputNode(node) && node.attributes.name === "method");
  if (methods.length) return new Set(methods);
  const first = nodes.find(isSubmit);
  return new Set(first ? [first] : []);
}
