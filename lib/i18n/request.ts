import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, LOCALE_COOKIE, LOCALE_HEADER, matchLocale, negotiateLocale, type Locale } from "./locales";
import { mergeMessages, type Messages } from "./merge";

const load = async (locale: Locale): Promise<Messages> => (await import(`./messages/${locale}.json`)).default as Messages;

// proxy.ts negotiates the locale (ui_locales → cookie → Accept-Language) and passes it in a request header.
export default getRequestConfig(async () => {
  const headerStore = await headers();
  const locale =
    matchLocale(headerStore.get(LOCALE_HEADER)) ??
    negotiateLocale({ cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: headerStore.get("accept-language") });
  const english = await load(defaultLocale);
  const messages = locale === defaultLocale ? english : mergeMessages(english, await load(locale));
  return { locale, messages };
});
