import { hostNotServed, isOpenInstall, knownSetupHost, loadSetupHost, requestOrigin, type OriginSource, type RequestOrigin } from "@/lib/request-origin";
import { isMachinePath } from "./machine-paths";
import { renderOryError } from "./ory-error";
import type { ApiResponse } from "./types";

const HEALTH = /^\/p\/[^/]+\/health\/(?:alive|ready)$/;
const BEFORE_SETUP = /^\/(?:setup(?:\/.*)?|_next\/.*|favicon\.ico)?$/;

/**
 * Paths any host may reach: health probes (a load balancer checks an instance by its address, and they build
 * no URL), and — on an install with neither PUBLIC_URL nor BASE_DOMAIN that has not been set up yet — the
 * setup page, which records the host it is used on as the install's own.
 */
function exempt(path: string): boolean {
  if (HEALTH.test(path)) return true;
  return isOpenInstall() && !knownSetupHost() && BEFORE_SETUP.test(path);
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>400 Bad Request</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>Bad Request</h1>
<p>This address is not served by this Portcullis installation.</p>
<p>Operators: set <code>PUBLIC_URL</code> (or <code>BASE_DOMAIN</code>) to the address people use, and list reverse proxies in <code>TRUSTED_PROXIES</code>.</p>
</body></html>`;

/** The 400 for a host the install does not serve: Ory's error JSON on API paths, a short page elsewhere. */
export function hostRefusalResponse(path: string): ApiResponse {
  if (isMachinePath(path)) return renderOryError(hostNotServed());
  return { status: 400, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }, body: PAGE };
}

/**
 * undefined when the request may proceed; otherwise the refusal. An install without PUBLIC_URL/BASE_DOMAIN
 * asks the database for a set-up host another instance may have recorded (at most every few seconds).
 */
export async function refuseUnservedHost(request: OriginSource, path: string): Promise<ApiResponse | undefined> {
  let origin: RequestOrigin = requestOrigin(request);
  if (origin.served || exempt(path)) return undefined;
  if (isOpenInstall() && !knownSetupHost() && (await loadSetupHost())) origin = requestOrigin(request, { refresh: true });
  return origin.served || exempt(path) ? undefined : hostRefusalResponse(path);
}
