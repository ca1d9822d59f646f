/**
 * One entry of `allowed_cors_origins`: a Web origin as browsers send it in the `Origin` header (RFC 6454 §6.2) —
 * http(s), lower-case host, no default port, no path, no trailing slash. Matching is exact, so an entry in any
 * other spelling would never match; there are no wildcards.
 * Returns the reason the value is refused, or undefined.
 */
export function corsOriginProblem(value: string): string | undefined {
  const shape = "an origin is scheme://host[:port] without a path, like https://app.example.com";
  if (value.includes("*")) return `allowed_cors_origins: "${value}" contains a wildcard; list each origin exactly.`;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return `allowed_cors_origins: "${value}" is not an origin (${shape}).`;
  if (url.origin !== value) return `allowed_cors_origins: "${value}" is not an origin (${shape}); did you mean "${url.origin}"?`;
  return undefined;
}
