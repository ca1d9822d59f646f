import { NextResponse, type NextRequest } from "next/server";
import { gatewayMappingFor, projectPathFor } from "@/lib/http/host-mapping";
import { refuseUnservedHost } from "@/lib/http/host-gate";
import { randomBytes } from "node:crypto";
import { config as appConfig } from "@/lib/config";
import { isMachinePath } from "@/lib/http/machine-paths";
import { requestOrigin, type OriginSource, type RequestOrigin } from "@/lib/request-origin";
import { pageSecurityHeaders, staticSecurityHeaders } from "@/lib/http/security-headers";
import { frameAncestors } from "@/lib/projects";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { LOCALE_COOKIE, LOCALE_HEADER, negotiateLocale } from "@/lib/i18n/locales";
import { PATH_HEADER } from "@/lib/console/return-to";
import { planForward, type GatewayMapping } from "@/lib/gateway";

/**
 * Next's middleware: refuses hosts the install does not serve (under `next dev`; server.ts did already), the
 * identity-aware proxy for requests mapped to a project's gateway (lib/gateway), maps project subdomains onto
 * `/p/{slug}`, rewrites `/.well-known/*` (dot-folders are not routable in the App Router) and negotiates the UI
 * locale for pages.
 */
export async function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const source: OriginSource = { header: (name) => request.headers.get(name) ?? undefined };
  const refusal = await refuseUnservedHost(source, url.pathname);
  if (refusal) return new NextResponse(refusal.body as string, { status: refusal.status, headers: { ...staticSecurityHeaders(false), ...(refusal.headers as Record<string, string>) } });
  const origin = requestOrigin(source);
  const mapped = projectPathFor(origin, url.pathname);
  const gateway = gatewayMappingFor(origin, mapped ?? url.pathname);
  if (gateway) return throughGateway(request, source, gateway);
  const locale = negotiateLocale({
    uiLocales: url.searchParams.get("ui_locales"),
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, locale);
  // Next reads the nonce for its own inline scripts from the request's CSP header (Next's CSP guide).
  const security = isMachinePath(mapped ?? url.pathname) ? undefined : await pageHeaders(origin, mapped ?? url.pathname);
  if (security) headers.set("content-security-policy", security["content-security-policy"]);
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
  if (security) for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  // A locale picked through ui_locales sticks for the following pages.
  if (url.searchParams.get("ui_locales") && request.cookies.get(LOCALE_COOKIE)?.value !== locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  }
  return response;
}

const HOSTED_PAGE = /^\/p\/([^/]+)\/ui(?:\/|$)/;

/**
 * Security headers of a page (lib/http/security-headers.ts) with a fresh nonce; a project's hosted pages may be
 * framed by the origins its config lists (`services.account_experience.config.frame_ancestors`).
 */
async function pageHeaders(origin: RequestOrigin, path: string): Promise<Record<string, string>> {
  const slug = HOSTED_PAGE.exec(path)?.[1];
  const project = slug ? await findProjectBySlug(slug) : undefined;
  return pageSecurityHeaders({
    nonce: randomBytes(16).toString("base64"),
    https: origin.scheme === "https",
    frameAncestors: project ? frameAncestors(project.config) : [],
    development: appConfig().NODE_ENV === "development",
  });
}

/**
 * Authenticates, authorizes and mutates a request with the project's access rules, then rewrites it to the
 * upstream (Next proxies external rewrites, streaming the request body) — or answers with the error handler.
 */
async function throughGateway(request: NextRequest, source: OriginSource, mapping: GatewayMapping): Promise<NextResponse> {
  const url = request.nextUrl;
  const plan = await planForward({
    mapping,
    method: request.method,
    query: url.search.replace(/^\?/, ""),
    origin: requestOrigin(source),
    header: source.header,
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
