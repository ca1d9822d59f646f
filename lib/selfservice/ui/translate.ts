import { translateTraitLabel } from "./trait-title";
import type { UiNode, UiText } from "./types";

/**
 * What the renderer needs from next-intl's translator for the `flowMessages` namespace (keys are Ory's
 * numeric message ids as strings). Kept as an interface so the logic stays testable without React.
 */
export interface MessageCatalog {
  has(key: string): boolean;
  raw(key: string): unknown;
  format(key: string, values: Record<string, string | number>): string;
  /** The reader's locale, for schema trait titles (see trait-title.ts). */
  locale?: string;
  /** A built-in trait title (hosted.traitTitles), e.g. "firstName" → "Vorname". */
  traitTitle?(key: string): string | undefined;
}

/** "{title}": a label generated from an identity schema trait's title. */
const GENERATED_LABEL = 1070002;

const ARGUMENT = /\{\s*([A-Za-z_]\w*)\s*[,}]/g;

/** The ICU argument names a message uses (`{property}`, `{count, plural, …}`). */
export function messageArguments(message: string): string[] {
  return [...new Set([...message.matchAll(ARGUMENT)].map((match) => match[1]))];
}

/** Primitive context values usable as ICU arguments; nested objects and arrays are left out. */
export function contextValues(context: Record<string, unknown> | undefined): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(context ?? {})) {
    if (typeof value === "string" || typeof value === "number") values[key] = value;
    else if (typeof value === "boolean") values[key] = String(value);
  }
  return values;
}

/**
 * Translates an Ory UI text by its numeric id. Falls back to the server's English text when the locale
 * has no message for the id, or when the message needs an argument the server did not send in `context`.
 */
export function translateUiText(text: UiText | undefined, catalog?: MessageCatalog): string {
  if (!text) return "";
  if (text.id === GENERATED_LABEL && catalog?.locale && catalog.traitTitle) {
    const title = translateTraitLabel(text, catalog.locale, catalog.traitTitle);
    if (title) return title;
  }
  const key = String(text.id);
  if (!catalog || !text.id || !catalog.has(key)) return text.text;
  const raw = catalog.raw(key);
  if (typeof raw !== "string") return text.text;
  const values = contextValues(text.context);
  if (!messageArguments(raw).every((name) => name in values)) return text.text;
  try {
    return catalog.format(key, values);
  } catch {
    return text.text;
  }
}

/** The label Ory attaches to a node: `meta.label`, else the input's own `label`, an anchor's title, a text's text. */
export function nodeLabel(node: UiNode): UiText | undefined {
  if (node.meta?.label) return node.meta.label;
  const attributes = node.attributes;
  switch (attributes.node_type) {
    case "input":
      return attributes.label;
    case "a":
      return attributes.title;
    case "text":
      return attributes.text;
    default:
      return undefined;
  }
}
