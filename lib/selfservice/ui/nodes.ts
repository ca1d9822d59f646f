/** Ory's UI container and nodes (Kratos `ui`), exactly as the OpenAPI document defines them. */
export type UiTextType = "info" | "error" | "success";

export interface UiText {
  id: number;
  text: string;
  type: UiTextType;
  context?: Record<string, unknown>;
}

export type NodeGroup =
  | "default" | "password" | "oidc" | "profile" | "link" | "code" | "totp" | "lookup_secret" | "webauthn" | "passkey"
  | "identifier_first" | "captcha" | "saml";

export type InputType =
  | "text" | "password" | "number" | "checkbox" | "hidden" | "email" | "tel" | "submit" | "button" | "datetime-local" | "date" | "url";

export type Autocomplete = "email" | "tel" | "url" | "current-password" | "new-password" | "one-time-code" | "username webauthn" | "username";

export interface InputAttributes {
  node_type: "input";
  name: string;
  type: InputType;
  value?: unknown;
  required?: boolean;
  disabled: boolean;
  autocomplete?: Autocomplete;
  pattern?: string;
  maxlength?: number;
  label?: UiText;
}

export interface TextAttributes {
  node_type: "text";
  id: string;
  text: UiText;
}

export interface AnchorAttributes {
  node_type: "a";
  id: string;
  href: string;
  title: UiText;
}

export interface ImageAttributes {
  node_type: "img";
  id: string;
  src: string;
  width: number;
  height: number;
}

export type NodeAttributes = InputAttributes | TextAttributes | AnchorAttributes | ImageAttributes;

export interface UiNode {
  type: "input" | "text" | "a" | "img" | "script" | "div";
  group: NodeGroup;
  attributes: NodeAttributes;
  messages: UiText[];
  meta: { label?: UiText };
}

export interface UiContainer {
  action: string;
  method: "POST" | "GET";
  nodes: UiNode[];
  messages?: UiText[];
}

export interface InputOptions {
  type?: InputType;
  value?: unknown;
  required?: boolean;
  disabled?: boolean;
  autocomplete?: Autocomplete;
  pattern?: string;
  maxlength?: number;
  label?: UiText;
}

export function inputNode(name: string, group: NodeGroup, options: InputOptions = {}): UiNode {
  const attributes: InputAttributes = { name, type: options.type ?? "text", disabled: options.disabled ?? false, node_type: "input" };
  if (options.value !== undefined) attributes.value = options.value;
  if (options.required) attributes.required = true;
  if (options.autocomplete) attributes.autocomplete = options.autocomplete;
  if (options.pattern) attributes.pattern = options.pattern;
  if (options.maxlength) attributes.maxlength = options.maxlength;
  return { type: "input", group, attributes, messages: [], meta: options.label ? { label: options.label } : {} };
}

export function textNode(id: string, group: NodeGroup, text: UiText): UiNode {
  return { type: "text", group, attributes: { id, text, node_type: "text" }, messages: [], meta: {} };
}

export function anchorNode(id: string, group: NodeGroup, href: string, title: UiText): UiNode {
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
