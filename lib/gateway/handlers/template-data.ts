import { ValueBag } from "../template";
import type { AuthenticationSession, GatewayRequest } from "../pipeline/types";

/**
 * What templates see, named as in Oathkeeper: `.Subject`, `.Extra`, `.Header`, and `.MatchContext` with
 * `RegexpCaptureGroups`, `URL` (Scheme, Host, Path, RawQuery, Query.Get), `Method` and `Header.Get`.
 */
export function templateData(session: AuthenticationSession, request: GatewayRequest): Record<string, unknown> {
  const url = session.matchContext.url;
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
  return {
    Subject: session.subject,
    Extra: session.extra,
    Header: new ValueBag(Object.fromEntries(Object.entries(session.header).map(([k, v]) => [k.toLowerCase(), [v]])), true),
    MatchContext: {
      RegexpCaptureGroups: session.matchContext.regexpCaptureGroups,
      URL: { Scheme: url.protocol.replace(/:$/, ""), Host: url.host, Path: url.pathname, RawQuery: url.search.replace(/^\?/, ""), Query: new ValueBag(query, false) },
      Method: session.matchContext.method,
      Header: new ValueBag((name) => request.header(name), true),
    },
  };
}

/** The session as JSON (hydrator, remote_json `{{ .Extra | toJson }}` payloads): Oathkeeper's field names. */
export function sessionJson(session: AuthenticationSession): Record<string, unknown> {
  const url = session.matchContext.url;
  return {
    subject: session.subject,
    extra: session.extra,
    header: Object.fromEntries(Object.entries(session.header).map(([k, v]) => [k, [v]])),
    match_context: {
      regexp_capture_groups: session.matchContext.regexpCaptureGroups,
      url: { scheme: url.protocol.replace(/:$/, ""), host: url.host, path: url.pathname, raw_query: url.search.replace(/^\?/, "") },
      method: session.matchContext.method,
    },
  };
}
