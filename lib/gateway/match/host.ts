/**
 * `match.host` (ours): an exact host (`app.example.com`, optionally with `:port`) or a wildcard for one or
 * more labels (`*.example.com`). Hosts compare case-insensitively (RFC 3986 §3.2.2).
 */
export type HostMatcher = (host: string) => boolean;

export const HOST_PATTERN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

export function compileHost(pattern: string): HostMatcher {
  const lower = pattern.toLowerCase();
  const withPort = /:\d+$/.test(lower);
  const strip = (host: string) => (withPort ? host : host.replace(/:\d+$/, "")).toLowerCase();
  if (lower.startsWith("*.")) {
    const suffix = lower.slice(1);
    return (host) => {
      const h = strip(host);
      return h.endsWith(suffix) && h.length > suffix.length;
    };
  }
  return (host) => strip(host) === lower;
}
