import type { UiText } from "./types";

/**
 * Trait titles in the reader's language. A schema may carry per-locale titles next to Kratos' `title`, in
 * Portcullis' addition to the `ory.sh/kratos` extension:
 *
 *   "first": { "type": "string", "title": "First name", "ory.sh/kratos": { "i18n": { "title": { "de": "Vorname" } } } }
 *
 * They travel in the generated label's context (id 1070002: `{ title, name, title_i18n }`), so any renderer can
 * use them; Ory clients ignore the extra key. Without an override for the locale, the preset schemas' titles
 * have built-in translations (hosted.traitTitles); any other title shows as written.
 */
export const TITLE_I18N = "title_i18n";

/** The preset schemas' English titles → their key in the hosted.traitTitles catalogue. */
const PRESET_TITLE_KEYS: Readonly<Record<string, string>> = { "E-Mail": "email", Email: "email", "First name": "firstName", "Last name": "lastName" };

const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The `ory.sh/kratos` → `i18n.title` map of a trait schema (locale tag → title), non-string entries dropped. */
export function titleTranslations(traitSchema: Record<string, unknown>): Record<string, string> | undefined {
  const extension = traitSchema["ory.sh/kratos"];
  const i18n = extension && typeof extension === "object" ? (extension as Record<string, unknown>).i18n : undefined;
  const titles = i18n && typeof i18n === "object" ? (i18n as Record<string, unknown>).title : undefined;
  if (!titles || typeof titles !== "object" || Array.isArray(titles)) return undefined;
  const out: Record<string, string> = {};
  for (const [tag, title] of Object.entries(titles)) if (LOCALE_TAG.test(tag) && typeof title === "string" && title.trim()) out[tag] = title;
  return Object.keys(out).length ? out : undefined;
}

/** The override for `locale`: the exact tag (case-insensitive), else its language ("pt" for "pt-BR"). */
export function pickTitle(titles: Record<string, string>, locale: string): string | undefined {
  const entries = Object.entries(titles).map(([tag, title]) => [tag.toLowerCase(), title] as const);
  const wanted = locale.toLowerCase();
  const language = wanted.split("-")[0];
  return entries.find(([tag]) => tag === wanted)?.[1] ?? entries.find(([tag]) => tag === language)?.[1];
}

/** A generated trait label (1070002) in `locale`: schema override, then built-in preset translation, else undefined. */
export function translateTraitLabel(text: UiText, locale: string, builtIn: (key: string) => string | undefined): string | undefined {
  const overrides = text.context?.[TITLE_I18N];
  if (overrides && typeof overrides === "object" && !Array.isArray(overrides)) {
    const strings = Object.fromEntries(Object.entries(overrides).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    const picked = pickTitle(strings, locale);
    if (picked) return picked;
  }
  const title = typeof text.context?.title === "string" ? text.context.title : text.text;
  const key = PRESET_TITLE_KEYS[title];
  return key ? builtIn(key) : undefined;
}
