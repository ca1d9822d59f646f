import { invalidRequest } from "../../errors";
import type { AuthorizationCheck } from "./types";

/** OIDC Core §5.5 `claims`: a JSON object (kept for the login and consent apps; release follows the granted scopes). */
export const claimsParameterCheck: AuthorizationCheck = ({ params }) => {
  const raw = params.get("claims");
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return { claims: parsed as Record<string, unknown> };
  } catch {
    // refused below
  }
  throw invalidRequest("The claims parameter is not a JSON object (OIDC Core §5.5).");
};
