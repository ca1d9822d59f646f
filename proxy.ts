import { NextResponse, type NextRequest } from "next/server";
import { projectPathForHost } from "@/lib/http/host-mapping";
import { LOCALE_COOKIE, LOCALE_HEADER, negotiateLocale } from "@/lib/i18n/locales";
import { config as appConfig } from "@/lib/config";
import { PATH_HEADER } from "@/lib/console/return-to";

/**
 * Next's middleware: maps project subdomains onto `/p/{slug}`, rewrites `/.well-known/*` (dot-folders are
 * not routable in the App Router) and negotiates the UI locale for pages.
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const mapped = projectPathForHost(request.headers.get("host") ?? undefined, url.pathname, appConfig().BASE_DOMAIN);
  const locale = negotiateLocale({
    uiLocales: url.searchParams.get("ui_locales"),
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, locale);
  // Server components learn the rendered path from here (console sign-in redirects carry it as return_to).
  headers.set(PATH_HEADER, url.pathname + url.search);

  let response: NextResponse;
  const wellKnown = /^\/p\/([^/]+)\/\.well-known\/(.*)$/.exec(mapped ?? url.pathname);
  if (wellKnown) {
    const target = url.clone();
    target.pathname = `/p/${wellKnown[1]}/well-known/${wellKnown[2]}`;
    response = NextResponse.rewrite(target, { request: { headers } });
  } else if (mapped) {
    const target = url.clone();
    target.pathname = mapped;
    response = NextResponse.rewrite(target, { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  // A locale picked through ui_locales sticks for the following pages.
  if (url.searchParams.get("ui_locales") && request.cookies.get(LOCALE_COOKIE)?.value !== locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
