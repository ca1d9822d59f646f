import { badRequest } from "@/lib/core/errors";

/**
 * `return_to` must point at the project itself or at an entry of `selfservice.allowed_return_urls` (same scheme and
 * host — `*.` matches subdomains — and a path below the entry's path). Anything else is an open redirect
 * (OWASP Unvalidated Redirects) and rejected with Kratos' `self_service_flow_return_to_forbidden`.
 */
export function checkReturnTo(returnTo: string | undefined | null, baseUrl: string, allowed: string[]): string | undefined {
  if (!returnTo) return undefined;
  let target: URL;
  try {
    target = new URL(returnTo, baseUrl);
  } catch {
    throw forbiddenReturnTo(returnTo);
  }
  if (target.protocol !== "https:" && target.protocol !== "http:") throw forbiddenReturnTo(returnTo);
  const candidates = [baseUrl, ...allowed];
  if (candidates.some((entry) => matches(target, entry))) return target.toString();
  throw forbiddenReturnTo(returnTo);
}

function matches(target: URL, entry: string): boolean {
  let allowedUrl: URL;
  try {
    allowedUrl = new URL(entry.replace("://*.", "://wildcard-placeholder."));
  } catch {
    return false;
  }
  if (allowedUrl.protocol !== target.protocol) return false;
  const wildcard = entry.includes("://*.");
  const host = allowedUrl.host.replace(/^wildcard-placeholder\./, "");
  const hostOk = wildcard ? target.host.endsWith(`.${host}`) : target.host === allowedUrl.host;
  if (!hostOk) return false;
  const base = allowedUrl.pathname.replace(/\/+$/, "");
  return target.pathname === base || target.pathname.startsWith(`${base}/`) || base === "";
}

const forbiddenReturnTo = (value: string) =>
  badRequest("Requested return_to URL is not allowed.", {
    id: "self_service_flow_return_to_forbidden",
    reason: `Requested return_to URL "${value.slice(0, 200)}" is not allowed.`,
  });
