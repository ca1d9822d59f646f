import type { RuleDocument } from "./schema";

/** A rule as Oathkeeper's API returns it (`rule`), with our `priority` and optional `match.host`. */
export function toOathkeeperRule(doc: RuleDocument) {
  return {
    id: doc.id,
    ...(doc.version ? { version: doc.version } : {}),
    description: doc.description,
    priority: doc.priority,
    match: { url: doc.match.url, methods: doc.match.methods, ...(doc.match.host ? { host: doc.match.host } : {}) },
    upstream: { url: doc.upstream?.url ?? "", strip_path: doc.upstream?.strip_path ?? "", preserve_host: doc.upstream?.preserve_host ?? false },
    authenticators: doc.authenticators,
    authorizer: doc.authorizer,
    mutators: doc.mutators,
    errors: doc.errors,
  };
}
export type OathkeeperRule = ReturnType<typeof toOathkeeperRule>;
