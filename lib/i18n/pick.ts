import type { Messages } from "./merge";

/**
 * Only the given namespaces (dotted paths, e.g. "hosted" or "hosted.password") of a message tree: what a
 * client provider ships to the browser. Unknown paths are skipped.
 */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const result: Messages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: string | Messages | undefined = messages;
    for (const key of keys) source = typeof source === "object" ? source[key] : undefined;
    if (source === undefined) continue;
    let target = result;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      target = target[key] = typeof next === "object" ? next : {};
    }
    target[keys[keys.length - 1]] = source;
  }
  return result;
}

/**
 * The namespaces the hosted pages' client components read (components/flow: RevealPassword, RecoveryCodes;
 * every other hosted string is rendered on the server). The console catalogue never reaches a hosted page.
 */
export const HOSTED_CLIENT_NAMESPACES = ["hosted.password", "hosted.recoveryCodes"] as const;
