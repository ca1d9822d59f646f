import { invalidRequest } from "../../errors";
import type { AuthorizationCheck } from "./types";

/**
 * OIDC Core §3.2.2.1 (implicit flow: `nonce` REQUIRED) and §3.3.2.11 (hybrid flow: use of `nonce` REQUIRED): every
 * OpenID Connect response type other than `code` must carry a nonce, which binds the ID token to the browser session.
 */
export const nonceCheck: AuthorizationCheck = ({ params, draft }) => {
  const nonce = params.get("nonce") ?? undefined;
  if (!nonce && draft.responseType !== "code" && draft.scope?.includes("openid")) {
    throw invalidRequest(`The nonce parameter is required for response type ${draft.responseType} (OIDC Core §3.2.2.1, §3.3.2.11).`);
  }
  return { nonce };
};
