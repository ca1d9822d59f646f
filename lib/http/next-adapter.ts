import { dispatch } from "./dispatch";
import { renderOryError } from "./ory-error";
import { AppError } from "@/lib/core/errors";
import { requestOrigin } from "@/lib/request-origin";
import { apiSecurityHeaders } from "./security-headers";
import type { ApiRequest } from "./types";
import { fromWebRequest, toWebResponse } from "./web-adapter";

/** Serves the machine endpoint table from a Next route handler (used under `next dev`). */
export async function handleWithRouteTable(request: Request, pathOverride?: string): Promise<Response> {
  const apiRequest = fromWebRequest(request);
  const routed: ApiRequest = pathOverride ? Object.defineProperty(Object.create(apiRequest) as ApiRequest, "path", { value: pathOverride }) : apiRequest;
  const response = (await dispatch(routed)) ?? renderOryError(new AppError("not_found", "The requested resource could not be found"));
  const security = apiSecurityHeaders(response.status, response.headers?.["content-type"], requestOrigin(apiRequest).scheme === "https");
  return toWebResponse({ ...response, headers: { ...security, ...response.headers } });
}
