import { invalidRequest } from "../../errors";
import type { AuthorizationRequest } from "../../flows/types";
import { defaultResponseMode, returnsTokens } from "../response-types";
import type { AuthorizationCheck } from "./types";

const MODES = new Set(["query", "fragment", "form_post"]);

/**
 * OAuth 2.0 Multiple Response Type Encoding Practices §2.1 (query, fragment; defaults per response type) and §3, §5
 * (query MUST NOT be used for response types that return tokens); OAuth 2.0 Form Post Response Mode §2.
 */
export const responseModeCheck: AuthorizationCheck = ({ params, draft }) => {
  const mode = params.get("response_mode") ?? defaultResponseMode(draft.responseType);
  if (!MODES.has(mode)) throw invalidRequest(`The response_mode ${mode} is not supported.`);
  if (mode === "query" && returnsTokens(draft.responseType)) throw invalidRequest(`response_mode=query cannot carry the tokens of response type ${draft.responseType}; use fragment or form_post.`);
  return { responseMode: mode as AuthorizationRequest["responseMode"] };
};
