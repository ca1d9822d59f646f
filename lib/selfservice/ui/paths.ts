import type { FlowKind } from "./types";

/** Query parameters a hosted page hands on when it has to start a new flow. */
const forwarded: Record<FlowKind, readonly string[]> = {
  login: ["return_to", "refresh", "aal", "login_challenge", "organization", "via", "identity_schema"],
  registration: ["return_to", "login_challenge", "organization", "identity_schema"],
  recovery: ["return_to"],
  verification: ["return_to"],
  settings: ["return_to"],
};

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

function get(query: QueryInput, name: string): string | undefined {
  if (query instanceof URLSearchParams) return query.get(name) ?? undefined;
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The subset of `query` a new flow of `kind` takes over (`return_to`, `refresh`, `aal`, `login_challenge`, …). */
export function forwardedQuery(kind: FlowKind, query: QueryInput): URLSearchParams {
  const result = new URLSearchParams();
  for (const name of forwarded[kind]) {
    const value = get(query, name);
    if (value) result.set(name, value);
  }
  return result;
}

const withQuery = (path: string, query: URLSearchParams) => (query.size > 0 ? `${path}?${query}` : path);

/** `/p/{slug}/self-service/{kind}/browser?…`: where a hosted page without `?flow=` sends the browser. */
export function selfServiceBrowserPath(slug: string, kind: FlowKind, query: QueryInput = {}): string {
  return withQuery(`/p/${encodeURIComponent(slug)}/self-service/${kind}/browser`, forwardedQuery(kind, query));
}

/** `/p/{slug}/ui/{page}?…` */
export function hostedPagePath(slug: string, page: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  return withQuery(`/p/${encodeURIComponent(slug)}/ui/${page}`, params);
}
