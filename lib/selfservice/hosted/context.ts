import { resolveBranding, type Branding } from "@/lib/branding";
import { isStorableText } from "@/lib/core/storable-text";
import { projectDb, type ProjectDb } from "@/lib/db";
import { requestOrigin, servedOrigin, type RequestOrigin } from "@/lib/request-origin";
import { findProjectBySlug, type ProjectRecord } from "@/lib/projects/lookup";

/** What a hosted page's server code passes to domain services (structurally a flow/service context). */
export interface PageRequest {
  readonly method: string;
  readonly origin: RequestOrigin;
  readonly url: URL;
  readonly query: URLSearchParams;
  readonly ip: string;
  header(name: string): string | undefined;
}

export interface HostedContext {
  project: ProjectRecord;
  db: ProjectDb;
  now: Date;
  actor: { type: "anonymous"; id?: string };
  request: PageRequest;
}

/**
 * A GET request as a hosted page sees it, from Next's headers (lowercase names) and the page's path and query:
 * origin and client IP as lib/request-origin resolves them (400 for a host the install does not serve).
 */
export function pageRequest(pathAndQuery: string, headers: { get(name: string): string | null }): PageRequest {
  const source = { header: (name: string) => headers.get(name.toLowerCase()) ?? undefined };
  const origin = requestOrigin(source);
  const url = new URL(pathAndQuery, servedOrigin(origin));
  return { method: "GET", url, query: url.searchParams, ip: origin.clientIp, header: source.header, origin };
}

/**
 * The project (running, by slug) and a request context for it; undefined for unknown projects, and for a slug or query
 * holding text PostgreSQL cannot store (a NUL in `login_challenge`, `flow`, …), which names nothing a page could show.
 */
export async function hostedContext(slug: string, request: PageRequest): Promise<HostedContext | undefined> {
  if (!isStorableText(slug) || [...request.query.values()].some((value) => !isStorableText(value))) return undefined;
  const project = await findProjectBySlug(slug);
  if (!project || project.state !== "running") return undefined;
  return { project, db: await projectDb(project.id), now: new Date(), actor: { type: "anonymous" }, request };
}

/** The project's theme and display name for the hosted pages. */
export async function hostedBranding(slug: string): Promise<{ branding: Branding; name: string } | undefined> {
  const project = await findProjectBySlug(slug);
  if (!project) return undefined;
  const branding = resolveBranding(project.config);
  return { branding, name: branding.display_name || project.name };
}
