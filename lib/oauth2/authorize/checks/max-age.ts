import { invalidRequest } from "../../errors";
import type { AuthorizationCheck } from "./types";

/** OIDC Core §3.1.2.1 `max_age`: a non-negative number of seconds. */
export const maxAgeCheck: AuthorizationCheck = ({ params }) => {
  const raw = params.get("max_age");
  if (raw === null) return {};
  if (!/^\d{1,10}$/.test(raw)) throw invalidRequest("max_age must be a non-negative integer.");
  return { maxAge: Number(raw) };
};
