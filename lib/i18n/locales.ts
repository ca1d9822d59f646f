/** Every locale the app speaks: the hosted pages use all of them. */
export const locales = ["en", "de", "fr", "es", "ja", "pt-BR"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
/** The console is translated into every locale (lib/i18n/console-messages.test.ts keeps the catalogues in step). */
export const consoleLocales = ["en", "de", "fr", "es", "ja", "pt-BR"] as const satisfies readonly Locale[];

/** Each locale's name in its own language (for language switchers). */
export const localeNames: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  ja: "日本語",
  "pt-BR": "Português (Brasil)",
};
export const LOCALE_COOKIE = "pc_locale";
export const LOCALE_HEADER = "x-portcullis-locale";

// BCP 47 tags compare case-insensitively (RFC 5646 §2.1.1).
const byLowerCase = new Map<string, Locale>(locales.map((locale) => [locale.toLowerCase(), locale]));
const byLanguage = new Map<string, Locale>(locales.map((locale) => [locale.split("-")[0].toLowerCase(), locale]));

/** Best supported match for a BCP 47 tag ("de-AT" → "de", "pt" / "pt-PT" → "pt-BR", "PT-br" → "pt-BR"). */
export function matchLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase().replace(/_/g, "-");
  if (!lower || lower === "*") return undefined;
  return byLowerCase.get(lower) ?? byLanguage.get(lower.split("-")[0]);
}

/**
 * Locale negotiation: the `ui_locales` parameter (OIDC Core §3.1.2.1, space-separated, in preference order),
 * then the locale cookie, then Accept-Language (RFC 9110 §12.5.4, by q-value), then English.
 */
export function negotiateLocale(input: { uiLocales?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  for (const tag of (input.uiLocales ?? "").split(/\s+/)) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  const fromCookie = matchLocale(input.cookie);
  if (fromCookie) return fromCookie;
  const ranked = (input.acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return defaultLocale;
}
