/** Resolves a configured URL (absolute, or relative to the project base URL like "/ui/login"). */
export function resolveProjectUrl(issuer: string, value: string): URL {
  if (/^https?:\/\//i.test(value)) return new URL(value);
  return new URL(issuer.replace(/\/+$/, "") + (value.startsWith("/") ? value : `/${value}`));
}
