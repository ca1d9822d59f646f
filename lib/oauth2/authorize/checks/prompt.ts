import { invalidRequest } from "../../errors";
import { parseScope } from "../../scopes";
import type { AuthorizationCheck } from "./types";

const PROMPTS = new Set(["none", "login", "consent", "select_account"]);

/** OIDC Core §3.1.2.1 `prompt`: known values only; `none` stands alone. */
export const promptCheck: AuthorizationCheck = ({ params }) => {
  const prompt = parseScope(params.get("prompt"));
  if (prompt.some((v) => !PROMPTS.has(v))) throw invalidRequest("prompt contains an unknown value.");
  if (prompt.includes("none") && prompt.length > 1) throw invalidRequest("prompt=none cannot be combined with other values (OIDC Core §3.1.2.1).");
  return { prompt };
};
