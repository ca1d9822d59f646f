import { unauthorizedClient } from "../../errors";
import { canonicalResponseType, responseTypeParts } from "../response-types";
import type { AuthorizationCheck } from "./types";

/**
 * RFC 6749 §4.1.2.1 / §4.2.2.1 `unauthorized_client`: the client registered this response type (OIDC Registration
 * §2 `response_types`, compared as a set of values) and the grant types behind it — `authorization_code` for `code`,
 * `implicit` for tokens returned from the authorization endpoint (Hydra's rule). Implicit and hybrid are opt-in.
 */
export const clientResponseTypeCheck: AuthorizationCheck = ({ client, draft }) => {
  const responseType = draft.responseType!;
  if (!client.response_types.some((registered) => canonicalResponseType(registered) === responseType)) {
    throw unauthorizedClient(`The client did not register the response type ${responseType}.`);
  }
  const parts = responseTypeParts(responseType);
  if (parts.includes("code") && !client.grant_types.includes("authorization_code")) throw unauthorizedClient("The client may not use the authorization code grant.");
  if (parts.some((p) => p !== "code") && !client.grant_types.includes("implicit")) throw unauthorizedClient("The client may not use the implicit grant.");
};
