import { z } from "zod";
import { setOperations, type PatchOperation } from "./config-patch";

type Json = Record<string, unknown>;
const at = (root: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" && !Array.isArray(node) ? (node as Json)[key] : undefined), root);

const KRATOS = ["services", "identity", "config"] as const;
const PASSWORD = [...KRATOS, "selfservice", "methods", "password", "config"] as const;

/** Where each console setting lives in the project config (Kratos' own keys). */
export const identitySettingPaths = {
  minPasswordLength: [...PASSWORD, "min_password_length"],
  identifierSimilarityCheck: [...PASSWORD, "identifier_similarity_check_enabled"],
  haveIBeenPwned: [...PASSWORD, "haveibeenpwned_enabled"],
  maxBreaches: [...PASSWORD, "max_breaches"],
  sessionLifespan: [...KRATOS, "session", "lifespan"],
  earliestPossibleExtend: [...KRATOS, "session", "earliest_possible_extend"],
  privilegedSessionMaxAge: [...KRATOS, "selfservice", "flows", "settings", "privileged_session_max_age"],
} as const;

/** A Go duration as Kratos' config takes it ("72h", "1h30m", "15m"). */
const goDuration = z
  .string()
  .trim()
  .regex(/^(\d+(h|m|s))+$/, "duration")
  .refine((value) => durationSeconds(value) >= 60, "durationTooShort")
  .refine((value) => durationSeconds(value) <= 366 * 24 * 3600, "durationTooLong");

export function durationSeconds(value: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1 };
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+)(h|m|s)/g)) total += Number(amount) * units[unit];
  return total;
}

export const identitySettingsSchema = z.object({
  // Kratos refuses minimum lengths below 6; 8 is NIST SP 800-63B §5.1.1.2's floor for chosen secrets.
  minPasswordLength: z.coerce.number().int("integer").min(6, "min6").max(4096, "tooLarge"),
  identifierSimilarityCheck: z.boolean(),
  haveIBeenPwned: z.boolean(),
  maxBreaches: z.coerce.number().int("integer").min(0, "min0").max(1_000_000, "tooLarge"),
  sessionLifespan: goDuration,
  earliestPossibleExtend: goDuration,
  privilegedSessionMaxAge: goDuration,
});
export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

const defaults: IdentitySettings = {
  minPasswordLength: 8,
  identifierSimilarityCheck: true,
  haveIBeenPwned: false,
  maxBreaches: 0,
  sessionLifespan: "72h",
  earliestPossibleExtend: "24h",
  privilegedSessionMaxAge: "15m",
};

/** The current values (Kratos' defaults where the config is silent). */
export function readIdentitySettings(config: unknown): IdentitySettings {
  const read = <K extends keyof IdentitySettings>(key: K): IdentitySettings[K] => {
    const value = at(config, identitySettingPaths[key]);
    return (typeof value === typeof defaults[key] ? value : defaults[key]) as IdentitySettings[K];
  };
  return {
    minPasswordLength: read("minPasswordLength"),
    identifierSimilarityCheck: read("identifierSimilarityCheck"),
    haveIBeenPwned: read("haveIBeenPwned"),
    maxBreaches: read("maxBreaches"),
    sessionLifespan: read("sessionLifespan"),
    earliestPossibleExtend: read("earliestPossibleExtend"),
    privilegedSessionMaxAge: read("privilegedSessionMaxAge"),
  };
}

/** The JSON Patch that writes changed settings into the project config (unchanged ones are left alone). */
export function identitySettingsPatch(config: unknown, input: IdentitySettings): PatchOperation[] {
  const current = readIdentitySettings(config);
  const changed = (Object.keys(input) as Array<keyof IdentitySettings>).filter(
    (key) => input[key] !== current[key] || at(config, identitySettingPaths[key]) === undefined,
  );
  return setOperations(config, changed.map((key) => [identitySettingPaths[key], input[key]] as const));
}
