import { projectBaseUrl, type RequestOrigin } from "@/lib/request-origin";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { jsonErrorResponse } from "../handlers/errors/json";
import { GatewayError, internalError } from "../pipeline/errors";
import type { CompiledPipeline } from "../rules/compile";
import { decideForProject } from "./decide-for-project";
import type { GatewayMapping } from "./mapping";
import { gatewayRequest } from "./request";

export interface ForwardInput {
  mapping: GatewayMapping;
  method: string;
  /** The query string without "?" (may be empty). */
  query: string;
  /** The request's origin and client address (lib/request-origin). */
  origin: RequestOrigin;
  header(name: string): string | undefined;
}

/** Either forward the request upstream (URL and header changes) or answer it here (deny, error). */
export type ForwardPlan =
  | { kind: "forward"; url: string; setHeaders: Record<string, string>; responseHeaders: Record<string, string> }
  | { kind: "respond"; status: number; headers: Record<string, string>; body?: string };

/**
 * Responses served under Portcullis' own origin (path mapping) are sandboxed: the upstream's pages run as
 * an opaque origin (CSP sandbox, no allow-same-origin), so they can neither read this origin's storage nor
 * make same-origin requests with the console's or other projects' cookies.
 */
const SANDBOX = "sandbox allow-scripts allow-forms allow-popups allow-downloads allow-modals";

/** The decision for a request to a project's gateway, and how to forward it (Oathkeeper's proxy semantics). */
export async function planForward(input: ForwardInput): Promise<ForwardPlan> {
  const project = await findProjectBySlug(input.mapping.slug);
  if (!project) return respond(new GatewayError("not_found", "The requested project does not exist."));
  const request = gatewayRequest({
    method: input.method,
    pathAndQuery: input.mapping.path + (input.query ? `?${input.query}` : ""),
    scheme: input.origin.scheme,
    host: input.origin.host,
    header: input.header,
    ip: input.origin.clientIp,
  });
  if (!request) return respond(new GatewayError("bad_request", "The request is malformed."));
  const baseUrl = projectBaseUrl(project.slug, input.origin);
  if (input.mapping.mode === "path") request.browserUrl = browserUrl(baseUrl, request.url);
  const decision = await decideForProject(project, request, baseUrl);
  if (!decision.allowed) return { kind: "respond", ...decision.response };
  const upstream = decision.pipeline.upstream;
  if (!upstream) return respond(internalError(`Rule ${decision.ruleId} has no upstream URL.`));
  const setHeaders: Record<string, string> = {
    ...decision.headers,
    "x-forwarded-host": request.url.host,
    "x-forwarded-proto": input.origin.scheme,
    "x-forwarded-for": input.origin.clientIp,
  };
  if (!upstream.preserveHost) setHeaders.host = upstream.url.host;
  return {
    kind: "forward",
    url: upstreamUrl(upstream, request.url),
    setHeaders,
    responseHeaders: input.mapping.mode === "path" ? { "content-security-policy": SANDBOX } : {},
  };
}

/** Upstream URL: upstream base path + the request path with `strip_path` removed, and the query. */
export function upstreamUrl(upstream: NonNullable<CompiledPipeline["upstream"]>, url: URL): string {
  let path = url.pathname;
  if (upstream.stripPath && path.startsWith(upstream.stripPath)) path = path.slice(upstream.stripPath.length) || "/";
  if (!path.startsWith("/")) path = `/${path}`;
  const target = new URL(upstream.url.toString());
  target.pathname = target.pathname.replace(/\/+$/, "") + path;
  target.search = url.search;
  return target.toString();
}

/**
 * Under the path mapping the browser sees the rule's path below `{project base URL}/gateway` (the base URL is
 * `{origin}/p/{slug}`, or the origin itself on the project's own host), which is also what the login flow accepts
 * as `return_to` (lib/selfservice/flows/return-to.ts: below the project base URL).
 */
function browserUrl(baseUrl: string, url: URL): URL {
  return new URL(`${baseUrl.replace(/\/+$/, "")}/gateway${url.pathname}${url.search}`);
}

function respond(error: GatewayError): ForwardPlan {
  return { kind: "respond", ...jsonErrorResponse(error, true) };
}
