import { describe, expect, it } from "vitest";
import { matchLocale, negotiateLocale } from "./locales";
import { mergeMessages } from "./merge";

describe("locale negotiation", () => {
  it("matches tags case-insensitively and by language", () => {
    expect(matchLocale("pt-BR")).toBe("pt-BR");
    expect(matchLocale("pt-br")).toBe("pt-BR");
    expect(matchLocale("pt")).toBe("pt-BR");
    expect(matchLocale("pt_PT")).toBe("pt-BR");
    expect(matchLocale("ja-JP")).toBe("ja");
    expect(matchLocale("fr-CA")).toBe("fr");
    expect(matchLocale("es-419")).toBe("es");
    expect(matchLocale("de-AT")).toBe("de");
    expect(matchLocale("zh-CN")).toBeUndefined();
    expect(matchLocale("*")).toBeUndefined();
  });

  it("lets ui_locales win, in preference order", () => {
    expect(negotiateLocale({ uiLocales: "zh ja de", cookie: "fr", acceptLanguage: "es" })).toBe("ja");
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "es" })).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "zh;q=1, pt-BR;q=0.8, de;q=0.5" })).toBe("pt-BR");
    expect(negotiateLocale({})).toBe("en");
  });
});

describe("mergeMessages", () => {
  it("deep-merges a locale over English", () => {
    const en = { common: { ok: "OK", cancel: "Cancel" }, console: { title: "Console" } };
    const fr = { common: { ok: "D'accord" }, hosted: { title: "Connexion" } };
    expect(mergeMessages(en, fr)).toEqual({
      common: { ok: "D'accord", cancel: "Cancel" },
      console: { title: "Console" },
      hosted: { title: "Connexion" },
    });
    expect(en.common.ok).toBe("OK");
  });
});
