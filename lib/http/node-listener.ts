import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { config } from "@/lib/config";
import { gatewayMapping, serveThroughGateway } from "@/lib/gateway";
import { logger } from "./context";
import { dispatch, isMachinePath } from "./dispatch";
import { projectPathForHost } from "./host-mapping";
import { toApiRequest, writeApiResponse } from "./node-adapter";

const INTERNAL_ERROR = '{"error":{"code":500,"status":"Internal Server Error","message":"An internal server error occurred"}}';

/**
 * server.ts' request handling without Next: project subdomains onto `/p/{slug}`, then requests mapped to a
 * project's gateway (GATEWAY_HOSTS, `/p/{slug}/gateway/…`) through the identity-aware proxy, then the machine
 * API; whatever remains goes to `fallback` (Next's request handler in server.ts, a 404 in tests).
 */
export function machineListener(fallback: (req: IncomingMessage, res: ServerResponse) => void): RequestListener {
  return (req, res) => {
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const path = q === -1 ? raw : raw.slice(0, q);
    const mapped = projectPathForHost(req.headers.host, path, config().BASE_DOMAIN);
    const gateway = gatewayMapping(req.headers.host, mapped ?? path);
    if (gateway) {
      const scheme = "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
      serveThroughGateway(req, res, gateway, scheme).catch((error: unknown) => fail(res, error));
      return;
    }
    if (mapped) req.url = mapped + (q === -1 ? "" : raw.slice(q));
    if (req.headers.rsc !== undefined && isMachinePath(mapped ?? path)) return refuseRscFetch(res);
    dispatch(toApiRequest(req)).then(
      (response) => (response ? writeApiResponse(res, response, req.method === "HEAD") : fallback(req, res)),
      (error: unknown) => fail(res, error),
    );
  };
}

/**
 * Next follows a server action's `redirect()` to a same-origin URL by fetching it itself (an RSC request that
 * forwards the browser's cookies), and its client router fetches targets the same way. On a machine endpoint
 * such a GET has effects — a consent or login verifier is single-use — so it must not run there: an empty 204
 * (not a flight response) makes Next fall back to a real browser navigation, which runs the endpoint once.
 */
function refuseRscFetch(res: ServerResponse): void {
  res.writeHead(204, { "cache-control": "no-store", vary: "rsc" });
  res.end();
}

function fail(res: ServerResponse, error: unknown): void {
  logger().error("request failed", { error: String(error) });
  if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
  res.end(INTERNAL_ERROR);
}
