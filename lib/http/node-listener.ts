import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { serveThroughGateway, type GatewayMapping } from "@/lib/gateway";
import { logger } from "./context";
import { dispatch, isMachinePath } from "./dispatch";
import { refuseUnservedHost } from "./host-gate";
import { gatewayMappingFor, projectPathFor } from "./host-mapping";
import { toApiRequest, writeApiResponse } from "./node-adapter";
import { FRONT_HEADER, frontHeaderValue, requestOrigin } from "@/lib/request-origin";
import { API_SECURITY_HEADERS } from "./security-headers";
import type { ApiRequest } from "./types";

const INTERNAL_ERROR = '{"error":{"code":500,"status":"Internal Server Error","message":"An internal server error occurred"}}';
/** Forwarding headers: Next gets them replaced by the resolved values (it reads X-Forwarded-Host itself). */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

/**
 * server.ts' request handling without Next: refuses hosts the install does not serve (lib/http/host-gate.ts),
 * maps project subdomains onto `/p/{slug}`, then sends requests mapped to a project's gateway (GATEWAY_HOSTS,
 * `/p/{slug}/gateway/…`) through the identity-aware proxy, then the machine API; whatever remains goes to
 * `fallback` (Next's request handler in server.ts, a 404 in tests) with the connection's facts attached.
 */
export function machineListener(fallback: (req: IncomingMessage, res: ServerResponse) => void): RequestListener {
  return (req, res) => {
    delete req.headers[FRONT_HEADER];
    const request = toApiRequest(req);
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const path = q === -1 ? raw : raw.slice(0, q);
    if (requestOrigin(request).served) return route(request, req, res, fallback, raw, q, path);
    refuseUnservedHost(request, path).then(
      (refusal) => (refusal ? writeApiResponse(res, refusal, req.method === "HEAD", requestOrigin(request).scheme === "https") : route(request, req, res, fallback, raw, q, path)),
      (error: unknown) => fail(res, error),
    );
  };
}

function route(request: ApiRequest, req: IncomingMessage, res: ServerResponse, fallback: (req: IncomingMessage, res: ServerResponse) => void, raw: string, q: number, path: string): void {
  const origin = requestOrigin(request);
  const mapped = projectPathFor(origin, path);
  const gateway: GatewayMapping | undefined = gatewayMappingFor(origin, mapped ?? path);
  if (gateway) {
    serveThroughGateway(req, res, gateway, request).catch((error: unknown) => fail(res, error));
    return;
  }
  if (mapped) req.url = mapped + (q === -1 ? "" : raw.slice(q));
  if (req.headers.rsc !== undefined && isMachinePath(mapped ?? path)) return refuseRscFetch(res);
  dispatch(mapped ? toApiRequest(req) : request).then(
    (response) => (response ? writeApiResponse(res, response, req.method === "HEAD", origin.scheme === "https") : toNext(req, res, request, fallback)),
    (error: unknown) => fail(res, error),
  );
}

/**
 * Next cannot see the socket: it gets the connection's facts in the front header, and the forwarding headers
 * replaced by what lib/request-origin resolved (one host, one scheme, the client's address), so neither
 * our pages nor Next's own checks (server actions compare Origin with X-Forwarded-Host) see a forged value.
 */
function toNext(req: IncomingMessage, res: ServerResponse, request: ApiRequest, fallback: (req: IncomingMessage, res: ServerResponse) => void): void {
  const origin = requestOrigin(request);
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  if (origin.host) req.headers["x-forwarded-host"] = origin.host;
  req.headers["x-forwarded-proto"] = origin.scheme;
  if (origin.clientIp) req.headers["x-forwarded-for"] = origin.clientIp;
  req.headers[FRONT_HEADER] = frontHeaderValue(request.connection ?? { remoteAddress: "", encrypted: false });
  fallback(req, res);
}

/**
 * Next follows a server action's `redirect()` to a same-origin URL by fetching it itself (an RSC request that
 * forwards the browser's cookies), and its client router fetches targets the same way. On a machine endpoint
 * such a GET has effects — a consent or login verifier is single-use — so it must not run there: an empty 204
 * (not a flight response) makes Next fall back to a real browser navigation, which runs the endpoint once.
 */
function refuseRscFetch(res: ServerResponse): void {
  res.writeHead(204, { ...API_SECURITY_HEADERS, "cache-control": "no-store", vary: "rsc" });
  res.end();
}

function fail(res: ServerResponse, error: unknown): void {
  logger().error("request failed", { error: String(error) });
  if (!res.headersSent) res.writeHead(500, { ...API_SECURITY_HEADERS, "content-type": "application/json" });
  res.end(INTERNAL_ERROR);
}
