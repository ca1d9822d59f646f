import { readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { messageArguments } from "@/lib/selfservice/ui";
import { locales } from "./locales";

type Tree = { [key: string]: string | Tree };
const load = (locale: string): Tree => JSON.parse(readFileSync(path.join(import.meta.dirname, "messages", `${locale}.json`), "utf8"));

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[prefix + key, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const HOSTED_NAMESPACES = ["hosted", "flowMessages", "oauth2"] as const;

describe("hosted page message catalogs", () => {
  const english = load("en");

  it.each(locales.map((locale) => [locale]))("%s has every hosted key, with English's ICU arguments", (locale) => {
    const messages = load(locale);
    for (const namespace of HOSTED_NAMESPACES) {
      const base = flatten(english[namespace] as Tree);
      const translated = flatten(messages[namespace] as Tree);
      expect(Object.keys(translated).sort(), `${locale}.${namespace}`).toEqual(Object.keys(base).sort());
      for (const [key, message] of Object.entries(translated)) {
        expect(messageArguments(message).sort(), `${locale}.${namespace}.${key}`).toEqual(messageArguments(base[key]).sort());
        // Parses as ICU MessageFormat (what next-intl uses) and formats with the arguments.
        const values = Object.fromEntries(messageArguments(message).map((name) => [name, "x"]));
        expect(() => new IntlMessageFormat(message, locale).format(values), `${locale}.${namespace}.${key}`).not.toThrow();
      }
    }
  });

  it("translates at least 40 Ory message ids", () => {
    const ids = Object.keys(english.flowMessages as Tree);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(ids.every((id) => /^\d{7}$/.test(id))).toBe(true);
    // 1070002 carries the identity schema's own title: never replaced by a fixed translation.
    expect(ids).not.toContain("1070002");
  });
});

describe("identity console message catalogs", () => {
  it.each(["identities", "branding", "courier"])("%s has the same keys, with the same arguments, in English and German", (namespace) => {
    const english = flatten(load("en")[namespace] as Tree);
    const german = flatten(load("de")[namespace] as Tree);
    expect(Object.keys(german).sort()).toEqual(Object.keys(english).sort());
    for (const [key, message] of Object.entries(german)) {
      expect(messageArguments(message).sort(), key).toEqual(messageArguments(english[key]).sort());
      expect(() => new IntlMessageFormat(message, "de"), key).not.toThrow();
    }
  });
});
