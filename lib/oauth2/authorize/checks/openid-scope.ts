import { invalidRequest } from "../../errors";
import { responseTypeParts } from "../response-types";
import type { AuthorizationCheck } from "./types";

/** OIDC Core §3.2.2.1, §3.3.2.1: an ID token is an OpenID Connect response, so `scope` must contain `openid`. */
export const openidScopeCheck: AuthorizationCheck = ({ draft }) => {
  if (responseTypeParts(draft.responseType).includes("id_token") && !draft.scope?.includes("openid")) {
    throw invalidRequest("The response type id_token requires the openid scope (OIDC Core §3.2.2.1).");
  }
};
