import type { Branding } from "./schema";

export interface AddOperation {
  op: "add";
  path: string;
  value: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The JSON Patch (RFC 6902) that stores `branding` in a project config. `add` on an existing member
 * replaces it (RFC 6902 §4.1); when the optional `account_experience` service is absent it is added whole.
 */
export function brandingPatch(config: unknown, branding: Branding): AddOperation[] {
  const services = isObject(config) && isObject(config.services) ? config.services : {};
  const experience = services.account_experience;
  if (isObject(experience) && isObject(experience.config)) {
    return [{ op: "add", path: "/services/account_experience/config/branding", value: branding }];
  }
  return [{ op: "add", path: "/services/account_experience", value: { config: { branding } } }];
}
