import { jsonErrorResponse } from "../handlers/errors/json";
import { GatewayError } from "../pipeline/errors";
import { projectBaseUrl, type RequestOrigin } from "@/lib/request-origin";
import type { ProjectRecord } from "@/lib/projects/lookup";
import { decideForProject } from "./decide-for-project";
import { forwardedRequest, type RawRequest } from "./request";

export interface DecisionsAnswer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The decisions API (Oathkeeper's `/decisions/{path}`): 200 with the mutated headers (nginx reads them with
 * `auth_request_set $x $upstream_http_x_user_id`), or the error handler's status, headers and body.
 */
export async function decisionsAnswer(project: ProjectRecord, own: RawRequest, origin: RequestOrigin, rest: string, query: string): Promise<DecisionsAnswer> {
  const request = forwardedRequest(own, rest, query);
  if (!request) return jsonErrorResponse(new GatewayError("bad_request", "The forwarded request is malformed."), true);
  const decision = await decideForProject(project, request, projectBaseUrl(project.slug, origin));
  if (!decision.allowed) return decision.response;
  return { status: 200, headers: { ...decision.headers, "cache-control": "no-store" } };
}
