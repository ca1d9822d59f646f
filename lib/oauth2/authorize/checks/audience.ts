import { invalidRequest } from "../../errors";
import { audienceAllowed } from "../../scopes";
import type { ClientDocument } from "../../clients";
import type { AuthorizationCheck } from "./types";

/** Hydra's `audience` parameter: each requested audience must be registered on the client (exactly or as a parent URL). */
export function requestedAudience(client: ClientDocument, params: URLSearchParams): string[] {
  const audience = [...new Set(params.getAll("audience").flatMap((a) => a.split(" ")).filter(Boolean))];
  if (audience.some((a) => !audienceAllowed(client.audience, a))) throw invalidRequest("The client may not request this audience.");
  return audience;
}

export const audienceCheck: AuthorizationCheck = ({ client, params }) => ({ audience: requestedAudience(client, params) });
