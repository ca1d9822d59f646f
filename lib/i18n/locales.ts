export const locales = ["en", "de"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const LOCALE_COOKIE = "pc_locale";
export const LOCALE_HEADER = "x-portcullis-locale";

const isLocale = (value: string): value is Locale => (locales as readonly string[]).includes(value);

/** Best supported match for a BCP 47 tag ("de-AT" → "de"). */
export function matchLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase();
  if (isLocale(lower)) return lower;
  const base = lower.split("-")[0];
  return isLocale(base) ? base : undefined;
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
