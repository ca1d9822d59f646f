import { useLocale, useTranslations } from "next-intl";
import { localeNames, locales } from "@/lib/i18n/locales";

/** `href` of the current page in another language: same path and query, `ui_locales` replaced. */
export function localizedHref(pathname: string, query: URLSearchParams, locale: string): string {
  const params = new URLSearchParams(query);
  params.set("ui_locales", locale);
  return `${pathname}?${params}`;
}

/**
 * Language switcher for hosted pages: plain links carrying `ui_locales` (proxy.ts remembers the choice in
 * a cookie), inside a `<details>` disclosure, so it works without JavaScript and keeps the flow id.
 */
export function LanguageMenu({ pathname, query }: { pathname: string; query: URLSearchParams }) {
  const t = useTranslations("hosted");
  const current = useLocale();
  return (
    <details className="group relative">
      <summary className="flex h-9 cursor-pointer list-none items-center gap-1.5 rounded-(--pc-radius) px-2 text-sm text-(--pc-muted) hover:text-(--pc-text) focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-(--pc-primary) [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <circle cx="10" cy="10" r="7.5" />
          <path d="M2.5 10h15M10 2.5c2.2 2.2 2.2 12.8 0 15M10 2.5c-2.2 2.2-2.2 12.8 0 15" />
        </svg>
        <span className="sr-only">{t("language")}: </span>
        <span>{localeNames[current as keyof typeof localeNames] ?? current}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3.5 w-3.5 transition-transform group-open:rotate-180" fill="currentColor">
          <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </summary>
      <ul className="absolute bottom-full left-1/2 z-10 mb-1 min-w-44 -translate-x-1/2 rounded-(--pc-radius) border border-(--pc-border) bg-(--pc-surface) py-1 shadow-lg">
        {locales.map((locale) => (
          <li key={locale}>
            <a
              href={localizedHref(pathname, query, locale)}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className="block px-3 py-1.5 text-sm text-(--pc-text) hover:bg-(--pc-input-bg) focus-visible:bg-(--pc-input-bg) focus-visible:outline-none aria-[current=true]:font-semibold aria-[current=true]:text-(--pc-primary)"
            >
              {localeNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
