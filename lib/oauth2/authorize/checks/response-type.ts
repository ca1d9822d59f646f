import { OAuth2Error, invalidRequest } from "../../errors";
import { RESPONSE_TYPES_SUPPORTED, canonicalResponseType } from "../response-types";
import type { AuthorizationCheck } from "./types";

/** RFC 6749 §3.1.1 (response_type is REQUIRED) and §4.1.2.1 `unsupported_response_type`; OIDC Core §3. */
export const responseTypeCheck: AuthorizationCheck = ({ params }) => {
  const given = params.get("response_type");
  if (!given) throw invalidRequest("The response_type parameter is missing.");
  const responseType = canonicalResponseType(given);
  if (!RESPONSE_TYPES_SUPPORTED.includes(responseType)) {
    throw new OAuth2Error("unsupported_response_type", `The response type ${given} is not supported (supported: ${RESPONSE_TYPES_SUPPORTED.join(", ")}).`);
  }
  return { responseType };
};
