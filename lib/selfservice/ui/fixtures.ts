import type { UiAutocomplete, UiContainer, UiNode, UiText } from "./types";

/** Sample nodes in Kratos' shape, for tests and the console's branding preview. */
const text = (id: number, value: string, type: UiText["type"] = "info", context?: Record<string, unknown>): UiText => ({ id, text: value, type, context });

export function inputNode(
  group: UiNode["group"],
  name: string,
  type: "text" | "email" | "password" | "hidden" | "submit" | "checkbox",
  options: { value?: unknown; required?: boolean; label?: UiText; messages?: UiText[]; autocomplete?: UiAutocomplete } = {},
): UiNode {
  return {
    type: "input",
    group,
    attributes: {
      node_type: "input",
      name,
      type,
      value: options.value,
      required: options.required,
      disabled: false,
      autocomplete: options.autocomplete,
    },
    messages: options.messages ?? [],
    meta: options.label ? { label: options.label } : {},
  };
}

export function sampleLoginUi(options: { action?: string; withError?: boolean } = {}): UiContainer {
  return {
    action: options.action ?? "#",
    method: "POST",
    messages: options.withError
      ? [text(4000006, "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.", "error")]
      : [],
    nodes: [
      inputNode("default", "csrf_token", "hidden", { value: "sample-csrf", required: true }),
      inputNode("default", "identifier", "text", { required: true, label: text(1070002, "E-Mail", "info", { title: "E-Mail" }), value: options.withError ? "ada@example.com" : undefined }),
      inputNode("password", "password", "password", {
        required: true,
        label: text(1070001, "Password"),
        messages: options.withError ? [text(4000002, "Property password is missing.", "error", { property: "password" })] : [],
      }),
      inputNode("password", "method", "submit", { value: "password", label: text(1010001, "Sign in") }),
    ],
  };
}

export function sampleSettingsUi(): UiContainer {
  return {
    action: "#",
    method: "POST",
    messages: [text(1050001, "Your changes have been saved!", "success")],
    nodes: [
      inputNode("default", "csrf_token", "hidden", { value: "sample-csrf", required: true }),
      inputNode("profile", "traits.email", "email", { value: "ada@example.com", required: true, label: text(1070002, "E-Mail") }),
      inputNode("profile", "traits.name.first", "text", { value: "Ada", label: text(1070002, "First name") }),
      inputNode("profile", "method", "submit", { value: "profile", label: text(1070003, "Save") }),
      inputNode("password", "password", "password", { required: true, label: text(1070001, "Password") }),
      inputNode("password", "method", "submit", { value: "password", label: text(1070003, "Save") }),
    ],
  };
}
