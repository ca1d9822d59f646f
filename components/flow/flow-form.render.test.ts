import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { FlowForm } from "@/components/flow/FlowForm";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";
import { sampleLoginUi, sampleSettingsUi } from "@/lib/selfservice/ui/fixtures";
import type { FlowKind, UiContainer } from "@/lib/selfservice/ui/types";

/** Renders the real FlowForm to HTML, as the hosted pages' server rendering does (no browser needed). */
function render(ui: UiContainer, flow: FlowKind, locale: "en" | "de", layout?: "single" | "per-group") {
  const messages = locale === "de" ? de : en;
  const html = renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages, children: createElement(FlowForm, { ui, flow, layout }) }));
  return new DOMParserLite(html);
}

/** Just enough querying for assertions, without a DOM library. */
class DOMParserLite {
  constructor(readonly html: string) {}
  tag(name: string, attribute: string, value: string): string | undefined {
    const match = new RegExp(`<${name}\\b[^>]*\\b${attribute}="${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`, "i").exec(this.html);
    return match?.[0];
  }
  attr(tag: string | undefined, attribute: string): string | undefined {
    // HTML attribute names are case-insensitive (React writes some camelCased, e.g. autoComplete).
    return tag ? new RegExp(`\\b${attribute}="([^"]*)"`, "i").exec(tag)?.[1] : undefined;
  }
}

describe("FlowForm (server-rendered HTML)", () => {
  it("is a plain form posting to the flow's action, csrf token first", () => {
    const doc = render({ ...sampleLoginUi(), action: "https://id.example/p/acme/self-service/login?flow=1" }, "login", "en");
    const form = doc.tag("form", "method", "post");
    expect(doc.attr(form, "action")).toBe("https://id.example/p/acme/self-service/login?flow=1");
    expect(doc.html.indexOf('name="csrf_token"')).toBeLessThan(doc.html.indexOf('name="identifier"'));
    expect(doc.attr(doc.tag("input", "name", "csrf_token"), "type")).toBe("hidden");
  });

  it("labels every field, sets autocomplete and marks errors for assistive technology", () => {
    const doc = render(sampleLoginUi({ withError: true }), "login", "en");
    const password = doc.tag("input", "name", "password");
    const id = doc.attr(password, "id");
    expect(doc.html).toContain(`<label for="${id}"`);
    expect(doc.attr(password, "autocomplete")).toBe("current-password");
    expect(doc.attr(password, "aria-invalid")).toBe("true");
    const describedBy = doc.attr(password, "aria-describedby");
    expect(describedBy).toBeTruthy();
    expect(doc.html).toContain(`id="${describedBy}"`);
    expect(doc.attr(doc.tag("input", "name", "identifier"), "autocomplete")).toBe("username");
    expect(doc.html).toMatch(/role="alert" aria-live="assertive"/);
  });

  it("translates labels and messages by Ory id, keeping schema titles (1070002)", () => {
    const doc = render(sampleLoginUi({ withError: true }), "login", "de");
    expect(doc.html).toContain(">Passwort</label>");
    expect(doc.html).toContain(">E-Mail</label>");
    expect(doc.html).toContain("Die Anmeldedaten sind ungültig");
    expect(doc.html).toContain("Das Feld password fehlt.");
    const submit = /<button[^>]*>Anmelden<\/button>/.exec(doc.html)?.[0];
    expect([doc.attr(submit, "name"), doc.attr(submit, "value"), doc.attr(submit, "type")]).toEqual(["method", "password", "submit"]);
  });

  it("draws the account chooser's first choice as the primary action, the others as secondary", () => {
    const choice = (value: string, id: number, text: string) => ({
      type: "input" as const, group: "default" as const, messages: [], meta: { label: { id, text, type: "info" as const, context: { name: "Ada" } } },
      attributes: { node_type: "input" as const, name: "select_account", type: "submit" as const, value, disabled: false },
    });
    const ui: UiContainer = {
      action: "https://id.example/p/acme/self-service/login?flow=1", method: "POST",
      nodes: [sampleLoginUi().nodes[0], choice("current", 1010904, "Continue as Ada"), choice("another", 1010906, "Use another account")],
      messages: [{ id: 1010901, text: "You are signed in as ada@example.com.", type: "info", context: { identifier: "ada@example.com" } }],
    };
    const doc = render(ui, "login", "de");
    const current = doc.tag("button", "value", "current");
    const another = doc.tag("button", "value", "another");
    expect(doc.attr(current, "class")).toContain("bg-(--pc-primary)");
    expect(doc.attr(another, "class")).not.toContain("bg-(--pc-primary)");
    expect(doc.html).toContain(">Weiter als Ada</button>");
    expect(doc.html).toContain("Sie sind als ada@example.com angemeldet.");
    expect(doc.html).toMatch(/role="status" aria-live="polite"/);
  });

  it("gives settings one form per method, each with the csrf token", () => {
    const doc = render(sampleSettingsUi(), "settings", "en", "per-group");
    expect(doc.html.match(/<form /g)).toHaveLength(2);
    expect(doc.html.match(/name="csrf_token"/g)).toHaveLength(2);
    expect(doc.html).toContain('data-group="profile"');
    expect(doc.html).toContain('data-group="password"');
    expect(doc.attr(doc.tag("input", "name", "password"), "autocomplete")).toBe("new-password");
    expect(doc.html).toMatch(/role="status" aria-live="polite"/);
  });
});
