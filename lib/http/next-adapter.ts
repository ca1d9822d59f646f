import { dispatch } from "./dispatch";
import { renderOryError } from "./ory-error";
import { AppError } from "@/lib/core/errors";
import { fromWebRequest, toWebResponse } from "./web-adapter";

/** Serves the machine endpoint table from a Next route handler (used under `next dev`). */
export async function handleWithRouteTable(request: Request, pathOverride?: string): Promise<Response> {
  const apiRequest = fromWebRequest(request, request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "");
  const routed = pathOverride ? { ...apiRequest, path: pathOverride, header: apiRequest.header, body: apiRequest.body } : apiRequest;
  const response = await dispatch(routed);
  return toWebResponse(response ?? renderOryError(new AppError("not_found", "The requested resource could not be found")));
}
