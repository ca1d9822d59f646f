/** Header through which proxy.ts tells server components the path (and query) being rendered. */
export const PATH_HEADER = "x-portcullis-path";

const CONSOLE_HOME = "/console";
const BASE = "http://portcullis.invalid";

/** True when the text holds a C0 control character or DEL. */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A same-origin `return_to` for console pages: only relative paths under /console are followed, so a crafted
 * link cannot send a freshly signed-in user elsewhere (open redirect, CWE-601). Everything else falls back
 * to the console home.
 */
export function safeConsoleReturnTo(value: unknown, fallback = CONSOLE_HOME): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  // Reject scheme-relative ("//evil") and backslash tricks ("/\evil") before URL parsing normalizes them.
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and can hide a host.
  if (hasControlCharacter(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (url.pathname !== CONSOLE_HOME && !url.pathname.startsWith(`${CONSOLE_HOME}/`)) return fallback;
  if (url.pathname === "/console/login") return fallback;
  return url.pathname + url.search + url.hash;
}

/** The login URL that brings the user back to `path` afterwards. */
export function consoleLoginUrl(path: string | null | undefined): string {
  const target = safeConsoleReturnTo(path ?? undefined, "");
  return target && target !== CONSOLE_HOME ? `/console/login?return_to=${encodeURIComponent(target)}` : "/console/login";
}
