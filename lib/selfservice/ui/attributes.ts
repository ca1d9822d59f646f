import type { FlowKind, UiInputType, UiNode, UiNodeInputAttributes } from "./types";

export interface InputView {
  /** How the renderer draws it. */
  kind: "field" | "checkbox" | "hidden" | "submit" | "button";
  id: string;
  name: string;
  type: UiInputType;
  value?: string;
  checked?: boolean;
  required: boolean;
  disabled: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "email" | "tel";
  pattern?: string;
  maxLength?: number;
  /** Id of the element holding this node's messages (for aria-describedby). */
  messagesId?: string;
  invalid: boolean;
}

export interface InputViewOptions {
  flow: FlowKind;
  /** Prefix for element ids, unique per form on the page. */
  idPrefix: string;
  /** Position of the node in the flow, to keep ids unique for repeated names. */
  index: number;
  keepRequired: boolean;
}

const traitAutocomplete: Record<string, string> = {
  email: "email",
  username: "username",
  phone: "tel",
  name: "name",
  "name.first": "given-name",
  "name.last": "family-name",
  first_name: "given-name",
  last_name: "family-name",
  website: "url",
};

/**
 * HTML autocomplete tokens (HTML Living Standard §4.10.18.7.1): password managers need `username` +
 * `current-password` on sign-in and `new-password` wherever a password is chosen; codes from mail are
 * `one-time-code`.
 */
export function autocompleteFor(attributes: Pick<UiNodeInputAttributes, "name" | "type" | "autocomplete">, flow: FlowKind): string | undefined {
  if (["hidden", "submit", "button", "checkbox"].includes(attributes.type)) return undefined;
  if (attributes.autocomplete) return attributes.autocomplete;
  const name = attributes.name;
  if (name === "identifier" || name === "password_identifier") return "username";
  if (name === "password") return flow === "login" ? "current-password" : "new-password";
  if (name === "code" || name === "totp_code" || name === "lookup_secret") return "one-time-code";
  if (name === "email" || name === "recovery_address") return "email";
  if (name.startsWith("traits.")) return traitAutocomplete[name.slice("traits.".length)];
  if (attributes.type === "email") return "email";
  if (attributes.type === "tel") return "tel";
  return undefined;
}

/** A DOM-safe id from a node name (`traits.name.first` → `traits-name-first`). */
export function domId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

function stringValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

const kindOf = (type: UiInputType): InputView["kind"] =>
  type === "hidden" ? "hidden" : type === "submit" ? "submit" : type === "button" ? "button" : type === "checkbox" ? "checkbox" : "field";

/** Maps an Ory input node onto the attributes of an HTML control. */
export function inputView(node: UiNode & { attributes: UiNodeInputAttributes }, options: InputViewOptions): InputView {
  const attributes = node.attributes;
  const kind = kindOf(attributes.type);
  const id = domId(options.idPrefix, kind === "submit" || kind === "button" ? `${attributes.name}-${options.index}` : attributes.name);
  const invalid = node.messages.some((message) => message.type === "error");
  const numericCode = attributes.pattern === "[0-9]+" || attributes.name === "code" || attributes.name === "totp_code";
  return {
    kind,
    id,
    name: attributes.name,
    type: attributes.type,
    // A password is never echoed back into the page.
    value: attributes.type === "password" || kind === "checkbox" ? undefined : stringValue(attributes.value),
    checked: kind === "checkbox" ? attributes.value === true || attributes.value === "true" : undefined,
    required: Boolean(attributes.required) && options.keepRequired && kind !== "hidden",
    disabled: Boolean(attributes.disabled),
    autoComplete: autocompleteFor(attributes, options.flow),
    inputMode: numericCode ? "numeric" : attributes.type === "email" ? "email" : attributes.type === "tel" ? "tel" : undefined,
    pattern: attributes.pattern || undefined,
    maxLength: attributes.maxlength && attributes.maxlength > 0 ? attributes.maxlength : undefined,
    messagesId: node.messages.length > 0 ? `${id}-messages` : undefined,
    invalid,
  };
}
