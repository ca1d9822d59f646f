import { NextResponse, type NextRequest } from "next/server";
import { projectPathForHost } from "@/lib/http/host-mapping";
import { LOCALE_COOKIE, LOCALE_HEADER, negotiateLocale } from "@/lib/i18n/locales";
import { config as appConfig } from "@/lib/config";
import { PATH_HEADER } from "@/lib/console/return-to";
import { gatewayMapping, planForward, type GatewayMapping } from "@/lib/gateway";

/**
 * Next's middleware: the identity-aware proxy for requests mapped to a project's gateway (lib/gateway),
 * maps project subdomains onto `/p/{slug}`, rewrites `/.well-known/*` (dot-folders are not routable in the
 * App Router) and negotiates the UI locale for pages.
 */
export async function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const mapped = projectPathForHost(request.headers.get("host") ?? undefined, url.pathname, appConfig().BASE_DOMAIN);
  const gateway = gatewayMapping(request.headers.get("host") ?? undefined, mapped ?? url.pathname);
  if (gateway) return throughGateway(request, gateway);
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

/**
 * Authenticates, authorizes and mutates a request with the project's access rules, then rewrites it to the
 * upstream (Next proxies external rewrites, streaming the request body) — or answers with the error handler.
 */
async function throughGateway(request: NextRequest, mapping: GatewayMapping): Promise<NextResponse> {
  const url = request.nextUrl;
  const plan = await planForward({
    mapping,
    method: request.method,
    query: url.search.replace(/^\?/, ""),
    scheme: url.protocol.replace(":", ""),
    host: request.headers.get("host") ?? undefined,
    header: (name) => request.headers.get(name) ?? undefined,
    ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "",
  });
  if (plan.kind === "respond") return new NextResponse(plan.body ?? null, { status: plan.status, headers: plan.headers });
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(plan.setHeaders)) headers.set(name, value);
  const response = NextResponse.rewrite(new URL(plan.url), { request: { headers } });
  for (const [name, value] of Object.entries(plan.responseHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
