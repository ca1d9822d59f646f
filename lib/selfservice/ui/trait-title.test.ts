import { describe, expect, it } from "vitest";
import de from "@/lib/i18n/messages/de.json";
import { EMAIL_PRESET_SCHEMA } from "@/lib/identity/schemas/presets";
import { traitNodes } from "../strategies/traits/nodes";
import { text } from "./text";
import { pickTitle, titleTranslations, translateTraitLabel } from "./trait-title";
import { nodeLabel, translateUiText, type MessageCatalog } from "./translate";
import type { JsonSchema } from "@/lib/identity";

const catalog = (locale: string, titles: Record<string, string>): MessageCatalog => ({
  has: () => false,
  raw: () => undefined,
  format: () => "",
  locale,
  traitTitle: (key) => titles[key],
});
const germanTitles = de.hosted.traitTitles as Record<string, string>;

describe("trait titles", () => {
  it("reads per-locale titles from the ory.sh/kratos extension", () => {
    expect(titleTranslations({ title: "First name", "ory.sh/kratos": { i18n: { title: { de: "Vorname", "pt-BR": "Nome", bad: 3, "not a tag": "x" } } } })).toEqual({ de: "Vorname", "pt-BR": "Nome" });
    expect(titleTranslations({ title: "First name" })).toBeUndefined();
  });

  it("picks the exact locale, then its language", () => {
    expect(pickTitle({ pt: "Nome", de: "Vorname" }, "pt-BR")).toBe("Nome");
    expect(pickTitle({ "pt-br": "Nome (BR)", pt: "Nome" }, "pt-BR")).toBe("Nome (BR)");
    expect(pickTitle({ de: "Vorname" }, "fr")).toBeUndefined();
  });

  it("prefers the schema's override, then the built-in preset translation, else the title as written", () => {
    const custom = text.labelGenerated("Nickname", "traits.nick", { de: "Spitzname" });
    expect(translateTraitLabel(custom, "de", () => undefined)).toBe("Spitzname");
    expect(translateTraitLabel(text.labelGenerated("First name", "traits.name.first"), "de", (key) => germanTitles[key])).toBe("Vorname");
    expect(translateTraitLabel(text.labelGenerated("Nickname", "traits.nick"), "de", (key) => germanTitles[key])).toBeUndefined();
    expect(translateUiText(text.labelGenerated("Nickname", "traits.nick"), catalog("de", germanTitles))).toBe("Nickname");
  });

  it("labels the preset schema's registration fields in German, the email as on every other page", () => {
    const labels = traitNodes(EMAIL_PRESET_SCHEMA as unknown as JsonSchema, "default").map((node) => translateUiText(nodeLabel(node), catalog("de", germanTitles)));
    expect(labels).toEqual([de.flowMessages["1070007"], "Vorname", "Nachname"]);
  });

  it("carries schema overrides in the label context", () => {
    const schema = { type: "object", properties: { traits: { type: "object", properties: { nick: { type: "string", title: "Nickname", "ory.sh/kratos": { i18n: { title: { ja: "ニックネーム" } } } } } } } };
    const [node] = traitNodes(schema as JsonSchema, "default");
    expect(nodeLabel(node)?.context).toEqual({ title: "Nickname", name: "traits.nick", title_i18n: { ja: "ニックネーム" } });
    expect(translateUiText(nodeLabel(node), catalog("ja", {}))).toBe("ニックネーム");
  });
});
