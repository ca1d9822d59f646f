const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Subdomain mode: `{slug}.{BASE_DOMAIN}` serves the project at `/p/{slug}`. Returns the canonical path,
 * or undefined when the host is not a project subdomain.
 */
export function projectPathForHost(host: string | undefined, path: string, baseDomain: string | undefined): string | undefined {
  if (!host || !baseDomain) return undefined;
  const hostname = host.replace(/:\d+$/, "").toLowerCase();
  const suffix = "." + baseDomain.toLowerCase();
  if (!hostname.endsWith(suffix)) return undefined;
  const slug = hostname.slice(0, -suffix.length);
  if (!SLUG.test(slug) || path.startsWith(`/p/${slug}/`)) return undefined;
  return `/p/${slug}${path === "/" ? "" : path}`;
}
