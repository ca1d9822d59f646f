import { readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { consoleLocales } from "./locales";

type Tree = { [key: string]: string | Tree };
type Element = ReturnType<IntlMessageFormat["getAst"]>[number];
const load = (locale: string): Tree => JSON.parse(readFileSync(path.join(import.meta.dirname, "messages", `${locale}.json`), "utf8"));

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[prefix + key, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

/** Every argument name in a parsed ICU message (plain, number, date, time, select, plural), nested ones included. */
function argumentNames(elements: Element[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ("value" in element && typeof element.value === "string" && element.type !== 0 && element.type !== 8) into.add(element.value);
    if ("options" in element) for (const option of Object.values(element.options)) argumentNames(option.value, into);
    if ("children" in element) argumentNames(element.children, into);
  }
  return into;
}

/** Plural selectors a message uses that the locale's CLDR plural rules do not have (explicit `=N` always allowed). */
function foreignPluralCategories(elements: Element[], locale: string): string[] {
  const categories: string[] = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return elements.flatMap((element) => {
    if (!("options" in element)) return "children" in element ? foreignPluralCategories(element.children, locale) : [];
    const nested = Object.values(element.options).flatMap((option) => foreignPluralCategories(option.value, locale));
    if (element.type !== 6) return nested;
    return [...Object.keys(element.options).filter((key) => !key.startsWith("=") && !categories.includes(key)), ...nested];
  });
}

const parse = (message: string, locale: string) => new IntlMessageFormat(message, locale).getAst();
const english = flatten(load("en"));

// The console is translated into every locale in `consoleLocales`: each has exactly English's keys, and each
// message the same ICU arguments (parsed, not compared as text) and only its own language's plural categories.
describe.each(consoleLocales.map((locale) => [locale]))("%s console catalogue", (locale) => {
  const messages = flatten(load(locale));

  it("has exactly the keys of en.json", () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });

  it("keeps every message's ICU arguments", () => {
    for (const [key, message] of Object.entries(messages)) {
      if (!(key in english)) continue;
      const expected = [...argumentNames(parse(english[key], "en"))].sort();
      expect([...argumentNames(parse(message, locale))].sort(), `${locale}: ${key}`).toEqual(expected);
    }
  });

  it("uses the locale's plural categories, with `other`", () => {
    for (const [key, message] of Object.entries(messages)) {
      const ast = parse(message, locale);
      expect(foreignPluralCategories(ast, locale), `${locale}: ${key}`).toEqual([]);
      for (const element of ast) if (element.type === 6) expect(Object.keys(element.options), `${locale}: ${key}`).toContain("other");
    }
  });

  it("has no empty messages", () => {
    expect(Object.entries(messages).filter(([, message]) => message.trim() === "").map(([key]) => key)).toEqual([]);
  });
});
