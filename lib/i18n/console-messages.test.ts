import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import de from "./messages/de.json";

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`)));
}

// The console's namespaces are complete in every locale (other namespaces may fall back to English).
const consoleNamespaces = ["common", "errors", "setup", "auth", "console", "oauth2Console"] as const;

describe("console messages", () => {
  it.each(consoleNamespaces)("%s has the same keys in English and German", (namespace) => {
    const english = leafKeys((en as Tree)[namespace] as Tree).sort();
    const german = leafKeys((de as Tree)[namespace] as Tree).sort();
    expect(german).toEqual(english);
  });

  it("has no empty messages", () => {
    for (const tree of [en, de] as Tree[]) {
      for (const namespace of consoleNamespaces) {
        const empty = leafKeys(tree[namespace] as Tree).filter((key) => {
          const value = key.split(".").reduce<string | Tree>((node, part) => (node as Tree)[part], tree[namespace]);
          return typeof value !== "string" || value.trim() === "";
        });
        expect(empty).toEqual([]);
      }
    }
  });
});
