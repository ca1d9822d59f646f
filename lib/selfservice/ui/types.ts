/**
 * Ory's UI container and node shapes (Kratos OpenAPI `uiContainer`, `uiNode`, `uiText`, `uiNode*Attributes`): the one
 * declaration, used by the flows that build nodes and by the hosted pages that render them.
 */
export type UiTextType = "info" | "error" | "success";

export interface UiText {
  id: number;
  text: string;
  type: UiTextType;
  context?: Record<string, unknown>;
}

export type UiNodeGroup =
  | "default"
  | "password"
  | "oidc"
  | "profile"
  | "link"
  | "code"
  | "totp"
  | "lookup_secret"
  | "webauthn"
  | "passkey"
  | "identifier_first"
  | "captcha"
  | "saml";

export type UiInputType =
  | "text"
  | "password"
  | "number"
  | "checkbox"
  | "hidden"
  | "email"
  | "tel"
  | "submit"
  | "button"
  | "datetime-local"
  | "date"
  | "url";

/** HTML autocomplete tokens Ory's nodes carry (uiNodeInputAttributes.autocomplete). */
export type UiAutocomplete = "email" | "tel" | "url" | "current-password" | "new-password" | "one-time-code" | "username webauthn" | "username";

export interface UiNodeInputAttributes {
  node_type: "input";
  name: string;
  type: UiInputType;
  value?: unknown;
  required?: boolean;
  disabled: boolean;
  autocomplete?: UiAutocomplete;
  pattern?: string;
  maxlength?: number;
  label?: UiText;
  onclickTrigger?: string;
  onloadTrigger?: string;
}

export interface UiNodeTextAttributes {
  node_type: "text";
  id: string;
  text: UiText;
}

export interface UiNodeImageAttributes {
  node_type: "img";
  id: string;
  src: string;
  width: number;
  height: number;
}

export interface UiNodeAnchorAttributes {
  node_type: "a";
  id: string;
  href: string;
  title: UiText;
}

export interface UiNodeScriptAttributes {
  node_type: "script";
  id: string;
  src: string;
  async: boolean;
  referrerpolicy: string;
  crossorigin: string;
  integrity: string;
  type: string;
  nonce: string;
}

export interface UiNodeDivisionAttributes {
  node_type: "div";
  id: string;
  class?: string;
  data?: Record<string, string>;
}

export type UiNodeAttributes =
  | UiNodeInputAttributes
  | UiNodeTextAttributes
  | UiNodeImageAttributes
  | UiNodeAnchorAttributes
  | UiNodeScriptAttributes
  | UiNodeDivisionAttributes;

export interface UiNode {
  type: "input" | "text" | "img" | "a" | "script" | "div";
  group: UiNodeGroup;
  attributes: UiNodeAttributes;
  messages: UiText[];
  meta: { label?: UiText };
}

export interface UiContainer {
  action: string;
  method: "POST" | "GET";
  nodes: UiNode[];
  messages?: UiText[];
}

/** The self-service flows a hosted page renders. */
export type FlowKind = "login" | "registration" | "recovery" | "verification" | "settings";

export const isInputNode = (node: UiNode): node is UiNode & { attributes: UiNodeInputAttributes } =>
  node.attributes.node_type === "input";
