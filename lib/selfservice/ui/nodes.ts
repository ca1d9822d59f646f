/** Builders of Ory's UI nodes (Kratos `ui/node`): what strategies use to describe their part of a flow's form. */
import type { UiAutocomplete, UiContainer, UiInputType, UiNode, UiNodeGroup, UiNodeInputAttributes, UiText } from "./types";

export interface InputOptions {
  type?: UiInputType;
  value?: unknown;
  required?: boolean;
  disabled?: boolean;
  autocomplete?: UiAutocomplete;
  pattern?: string;
  maxlength?: number;
  label?: UiText;
}

export function inputNode(name: string, group: UiNodeGroup, options: InputOptions = {}): UiNode {
  const attributes: UiNodeInputAttributes = { name, type: options.type ?? "text", disabled: options.disabled ?? false, node_type: "input" };
  if (options.value !== undefined) attributes.value = options.value;
  if (options.required) attributes.required = true;
  if (options.autocomplete) attributes.autocomplete = options.autocomplete;
  if (options.pattern) attributes.pattern = options.pattern;
  if (options.maxlength) attributes.maxlength = options.maxlength;
  return { type: "input", group, attributes, messages: [], meta: options.label ? { label: options.label } : {} };
}

export function textNode(id: string, group: UiNodeGroup, text: UiText): UiNode {
  return { type: "text", group, attributes: { id, text, node_type: "text" }, messages: [], meta: {} };
}

export function anchorNode(id: string, group: UiNodeGroup, href: string, title: UiText): UiNode {
  return { type: "a", group, attributes: { id, href, title, node_type: "a" }, messages: [], meta: { label: title } };
}

/** The hidden anti-CSRF input every browser flow carries (empty for API flows, as in Kratos). */
export const csrfNode = (token: string): UiNode => inputNode("csrf_token", "default", { type: "hidden", value: token, required: true });

export const nodeName = (node: UiNode): string | undefined => (node.attributes.node_type === "input" ? node.attributes.name : undefined);

/** Sets a field's value (inputs that are not submit buttons or the CSRF token). */
export function setNodeValue(nodes: UiNode[], name: string, value: unknown): void {
  for (const node of nodes) {
    if (node.attributes.node_type === "input" && node.attributes.name === name && node.attributes.type !== "submit" && name !== "csrf_token") {
      node.attributes.value = value;
    }
  }
}

/** Adds a message to the first node of that name, or to the container when there is none. */
export function addNodeMessage(ui: UiContainer, name: string, message: UiText): void {
  const node = ui.nodes.find((n) => nodeName(n) === name && !(n.attributes.node_type === "input" && n.attributes.type === "submit"));
  if (node) node.messages.push(message);
  else (ui.messages ??= []).push(message);
}

export function clearMessages(ui: UiContainer): void {
  delete ui.messages;
  for (const node of ui.nodes) node.messages = [];
}
