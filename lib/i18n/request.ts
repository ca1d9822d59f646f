import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, LOCALE_HEADER, matchLocale, negotiateLocale } from "./locales";

// proxy.ts negotiates the locale (ui_locales → cookie → Accept-Language) and passes it in a request header.
export default getRequestConfig(async () => {
  const headerStore = await headers();
  const locale =
    matchLocale(headerStore.get(LOCALE_HEADER)) ??
    negotiateLocale({ cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: headerStore.get("accept-language") });
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages };
});
