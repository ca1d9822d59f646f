import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { resolveBranding, type Branding } from "@/lib/branding";
import { hostedContext, pageRequest, type HostedContext } from "@/lib/selfservice";

export type SearchParams = Record<string, string | string[] | undefined>;

export interface HostedPage {
  slug: string;
  ctx: HostedContext;
  branding: Branding;
  projectName: string;
  /** Path of this page (for language links). */
  pathname: string;
  query: URLSearchParams;
  /** `/p/{slug}`: where the project's endpoints live. */
  basePath: string;
}

export function toSearchParams(input: SearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(input)) {
    if (Array.isArray(value)) value.forEach((v) => query.append(name, v));
    else if (value !== undefined) query.set(name, value);
  }
  return query;
}

/** Resolves the project of a hosted page and a request context for lib/ services; unknown projects are 404. */
export async function loadHostedPage(slug: string, page: string, searchParams: SearchParams): Promise<HostedPage> {
  const query = toSearchParams(searchParams);
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
  const proto = list.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  const pathname = `/p/${slug}/ui/${page}`;
  const url = new URL(`${pathname}${query.size ? `?${query}` : ""}`, `${proto}://${host}`);
  const ctx = await hostedContext(slug, pageRequest(url, list));
  if (!ctx) notFound();
  const branding = resolveBranding(ctx.project.config);
  return { slug, ctx, branding, projectName: branding.display_name || ctx.project.name, pathname, query, basePath: `/p/${slug}` };
}
