import { badRequest } from "@/lib/core/errors";

const LEVELS = ["aal1", "highest_available"];

/** Where Kratos keeps its two required-AAL settings in a project config. */
const SETTINGS = [
  ["session", "whoami", "required_aal"],
  ["selfservice", "flows", "settings", "required_aal"],
] as const;

const at = (root: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), root);

/**
 * Kratos' `session.whoami.required_aal` and `selfservice.flows.settings.required_aal` take `aal1` or
 * `highest_available`; anything else is refused on write (a typo would otherwise silently mean highest_available).
 */
export function assertValidAalConfig(config: { services: { identity: { config: unknown } } }): void {
  for (const path of SETTINGS) {
    const value = at(config.services.identity.config, path);
    if (value !== undefined && !LEVELS.includes(value as string)) {
      throw badRequest("The project configuration is invalid.", { id: "invalid_config", reason: `services.identity.config.${path.join(".")} must be one of ${LEVELS.join(", ")}.` });
    }
  }
}
