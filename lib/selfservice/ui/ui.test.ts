import { describe, expect, it } from "vitest";
import {
  autocompleteFor,
  forwardedQuery,
  groupNodes,
  inputView,
  isInputNode,
  keepNativeRequired,
  messageArguments,
  messageRole,
  nodeLabel,
  selfServiceBrowserPath,
  translateUiText,
  type MessageCatalog,
  type UiNode,
} from "./";
import { inputNode, sampleLoginUi, sampleSettingsUi } from "./fixtures";

function catalog(messages: Record<string, string>): MessageCatalog {
  return {
    has: (key) => key in messages,
    raw: (key) => messages[key],
    format: (key, values) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name])),
  };
}

describe("groupNodes", () => {
  it("puts the default group first, hidden inputs apart, then one section per method in server order", () => {
    const nodes: UiNode[] = [
      inputNode("password", "password", "password"),
      inputNode("default", "csrf_token", "hidden"),
      inputNode("code", "method", "submit", { value: "code" }),
      inputNode("default", "identifier", "text"),
      inputNode("password", "method", "submit", { value: "password" }),
    ];
    const grouped = groupNodes(nodes);
    expect(grouped.hidden.map((n) => isInputNode(n) && n.attributes.name)).toEqual(["csrf_token"]);
    expect(grouped.defaults.map((n) => isInputNode(n) && n.attributes.name)).toEqual(["identifier"]);
    expect(grouped.sections.map((s) => s.group)).toEqual(["password", "code"]);
    expect(grouped.sections[0].nodes).toHaveLength(2);
  });

  it("keeps native `required` only while a single method asks for input", () => {
    expect(keepNativeRequired(groupNodes(sampleLoginUi().nodes))).toBe(true);
    expect(keepNativeRequired(groupNodes(sampleSettingsUi().nodes))).toBe(false);
    // A second method without fields (code login's button) must not be blocked by the password's `required`.
    const withCode = [...sampleLoginUi().nodes, inputNode("code", "method", "submit", { value: "code" })];
    expect(keepNativeRequired(groupNodes(withCode))).toBe(false);
  });
});

describe("translateUiText", () => {
  const de = catalog({ "1010001": "Anmelden", "4000002": "Das Feld {property} fehlt.", "4000032": "Mindestens {min_length} Zeichen." });

  it("translates by numeric id", () => {
    expect(translateUiText({ id: 1010001, text: "Sign in", type: "info" }, de)).toBe("Anmelden");
  });

  it("fills ICU arguments from the message context", () => {
    expect(translateUiText({ id: 4000002, text: "Property email is missing.", type: "error", context: { property: "email" } }, de)).toBe(
      "Das Feld email fehlt.",
    );
  });

  it("falls back to the server text for unknown ids, missing arguments, or no catalog", () => {
    expect(translateUiText({ id: 9999999, text: "Something new", type: "info" }, de)).toBe("Something new");
    expect(translateUiText({ id: 4000032, text: "The password must be at least 8 characters long, but got 3.", type: "error" }, de)).toBe(
      "The password must be at least 8 characters long, but got 3.",
    );
    expect(translateUiText({ id: 1010001, text: "Sign in", type: "info" })).toBe("Sign in");
    expect(translateUiText(undefined, de)).toBe("");
  });

  it("falls back when formatting throws", () => {
    const broken: MessageCatalog = { has: () => true, raw: () => "x", format: () => { throw new Error("bad"); } };
    expect(translateUiText({ id: 1, text: "Original", type: "info" }, broken)).toBe("Original");
  });

  it("finds ICU argument names", () => {
    expect(messageArguments("{count, plural, one {# item} other {# items}} for {name}")).toEqual(["count", "name"]);
  });
});

describe("inputView", () => {
  const options = { flow: "login" as const, idPrefix: "f", index: 0, keepRequired: true };

  it("maps attributes, ids and error state", () => {
    const ui = sampleLoginUi({ withError: true });
    const password = ui.nodes[2] as UiNode & { attributes: { node_type: "input" } };
    if (!isInputNode(password)) throw new Error("fixture");
    const view = inputView(password, options);
    expect(view).toMatchObject({ kind: "field", id: "f-password", name: "password", required: true, invalid: true, autoComplete: "current-password" });
    expect(view.messagesId).toBe("f-password-messages");
    expect(view.value).toBeUndefined();
  });

  it("never echoes passwords and reads checkbox values", () => {
    const password = inputNode("password", "password", "password", { value: "secret" });
    const box = inputNode("profile", "traits.newsletter", "checkbox", { value: true });
    if (!isInputNode(password) || !isInputNode(box)) throw new Error("fixture");
    expect(inputView(password, options).value).toBeUndefined();
    expect(inputView(box, options)).toMatchObject({ kind: "checkbox", checked: true, value: undefined });
  });

  it("gives submit buttons unique ids and drops `required` when told", () => {
    const submit = inputNode("password", "method", "submit", { value: "password" });
    const field = inputNode("password", "password", "password", { required: true });
    if (!isInputNode(submit) || !isInputNode(field)) throw new Error("fixture");
    expect(inputView(submit, { ...options, index: 3 }).id).toBe("f-method-3");
    expect(inputView(submit, options).value).toBe("password");
    expect(inputView(field, { ...options, keepRequired: false }).required).toBe(false);
  });

  it("sanitises dotted names into ids and marks codes numeric", () => {
    const code = inputNode("code", "code", "text");
    const trait = inputNode("default", "traits.name.first", "text");
    if (!isInputNode(code) || !isInputNode(trait)) throw new Error("fixture");
    expect(inputView(trait, options).id).toBe("f-traits-name-first");
    expect(inputView(code, options)).toMatchObject({ inputMode: "numeric", autoComplete: "one-time-code" });
  });
});

describe("autocompleteFor", () => {
  it("picks tokens password managers understand", () => {
    expect(autocompleteFor({ name: "identifier", type: "text" }, "login")).toBe("username");
    expect(autocompleteFor({ name: "password", type: "password" }, "login")).toBe("current-password");
    expect(autocompleteFor({ name: "password", type: "password" }, "registration")).toBe("new-password");
    expect(autocompleteFor({ name: "password", type: "password" }, "settings")).toBe("new-password");
    expect(autocompleteFor({ name: "code", type: "text" }, "verification")).toBe("one-time-code");
    expect(autocompleteFor({ name: "traits.email", type: "email" }, "registration")).toBe("email");
    expect(autocompleteFor({ name: "email", type: "email" }, "recovery")).toBe("email");
    expect(autocompleteFor({ name: "traits.name.last", type: "text" }, "registration")).toBe("family-name");
    expect(autocompleteFor({ name: "identifier", type: "text", autocomplete: "username webauthn" }, "login")).toBe("username webauthn");
    expect(autocompleteFor({ name: "method", type: "submit" }, "login")).toBeUndefined();
    expect(autocompleteFor({ name: "csrf_token", type: "hidden" }, "login")).toBeUndefined();
  });
});

describe("labels and messages", () => {
  it("reads labels from meta, anchors and texts", () => {
    expect(nodeLabel(sampleLoginUi().nodes[1])?.id).toBe(1070002);
    const anchor: UiNode = { type: "a", group: "default", attributes: { node_type: "a", id: "x", href: "/", title: { id: 1, text: "Go", type: "info" } }, messages: [], meta: {} };
    expect(nodeLabel(anchor)?.text).toBe("Go");
  });

  it("announces errors assertively and the rest politely", () => {
    expect(messageRole([{ id: 4000006, text: "x", type: "error" }])).toBe("alert");
    expect(messageRole([{ id: 1050001, text: "x", type: "success" }])).toBe("status");
    expect(messageRole([])).toBe("status");
  });
});

describe("paths", () => {
  it("forwards only the parameters a new flow takes", () => {
    const query = { return_to: "https://app.example.com/", refresh: "true", aal: "aal2", login_challenge: "abc", flow: "old", evil: "x" };
    expect(selfServiceBrowserPath("acme", "login", query)).toBe(
      "/p/acme/self-service/login/browser?return_to=https%3A%2F%2Fapp.example.com%2F&refresh=true&aal=aal2&login_challenge=abc",
    );
    expect(forwardedQuery("recovery", query).toString()).toBe("return_to=https%3A%2F%2Fapp.example.com%2F");
    expect(selfServiceBrowserPath("acme", "settings", {})).toBe("/p/acme/self-service/settings/browser");
  });
});
