import type { Browser, BrowserContext } from "playwright-core";

/** The looks every screen is captured in: locale × colour scheme × width. */
const locales = ["en", "de"] as const;
const schemes = ["light", "dark"] as const;
const viewports = { desktop: { width: 1280, height: 860 }, mobile: { width: 390, height: 844 } } as const;

export type Variant = { locale: (typeof locales)[number]; scheme: (typeof schemes)[number]; device: keyof typeof viewports };
export const variants: Variant[] = locales.flatMap((locale) =>
  schemes.flatMap((scheme) => (Object.keys(viewports) as Array<keyof typeof viewports>).map((device) => ({ locale, scheme, device }))),
);
export const suffix = (v: Variant) => `${v.locale}-${v.scheme}-${v.device}`;

export async function contextFor(browser: Browser, v: Variant, storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  return browser.newContext({
    locale: v.locale === "de" ? "de-DE" : "en-US",
    colorScheme: v.scheme,
    viewport: viewports[v.device],
    deviceScaleFactor: 1,
    isMobile: v.device === "mobile",
    hasTouch: v.device === "mobile",
    storageState,
  });
}

