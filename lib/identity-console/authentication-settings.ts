import { z } from "zod";
import { setOperations, type PatchOperation } from "./config-patch";

const at = (root: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), root);

const KRATOS = ["services", "identity", "config"] as const;
const METHODS = [...KRATOS, "selfservice", "methods"] as const;

/** The methods the Authentication page switches on and off (Kratos' `selfservice.methods.<id>.enabled`). */
export const SWITCHABLE_METHODS = ["password", "code", "totp", "lookup_secret", "webauthn", "passkey"] as const;
type Method = (typeof SWITCHABLE_METHODS)[number];

/** Kratos' defaults when the config is silent (strategies/index.ts `enabledByDefault`). */
const DEFAULT_ENABLED: Record<Method, boolean> = { password: true, code: true, totp: false, lookup_secret: false, webauthn: false, passkey: false };

const requiredAal = z.enum(["aal1", "highest_available"]);

export const authenticationSettingsSchema = z.object({
  methods: z.object({ password: z.boolean(), code: z.boolean(), totp: z.boolean(), lookup_secret: z.boolean(), webauthn: z.boolean(), passkey: z.boolean() }),
  whoamiRequiredAal: requiredAal,
  settingsRequiredAal: requiredAal,
  // Shown by authenticator apps next to the account; empty = the project's name.
  totpIssuer: z.string().trim().max(100, "tooLong"),
  // Kratos' passkey relying-party display name (`rp.display_name`): what devices show when a passkey is created.
  passkeyDisplayName: z.string().trim().max(100, "tooLong"),
});
export type AuthenticationSettings = z.infer<typeof authenticationSettingsSchema>;

/** Where each setting lives in the project config (Kratos' own keys). */
const paths = {
  whoamiRequiredAal: [...KRATOS, "session", "whoami", "required_aal"],
  settingsRequiredAal: [...KRATOS, "selfservice", "flows", "settings", "required_aal"],
  totpIssuer: [...METHODS, "totp", "config", "issuer"],
  passkeyDisplayName: [...METHODS, "passkey", "config", "rp", "display_name"],
} as const;
const enabledPath = (method: Method) => [...METHODS, method, "enabled"];

export function readAuthenticationSettings(config: unknown): AuthenticationSettings {
  const enabled = (method: Method) => {
    const value = at(config, enabledPath(method));
    return typeof value === "boolean" ? value : DEFAULT_ENABLED[method];
  };
  const aal = (path: readonly string[]) => (at(config, path) === "aal1" ? "aal1" : "highest_available");
  const text = (path: readonly string[]) => (typeof at(config, path) === "string" ? (at(config, path) as string) : "");
  return {
    methods: Object.fromEntries(SWITCHABLE_METHODS.map((method) => [method, enabled(method)])) as Record<Method, boolean>,
    whoamiRequiredAal: aal(paths.whoamiRequiredAal),
    settingsRequiredAal: aal(paths.settingsRequiredAal),
    totpIssuer: text(paths.totpIssuer),
    passkeyDisplayName: text(paths.passkeyDisplayName),
  };
}

/**
 * The JSON Patch writing what changed (one project revision); unchanged settings are left alone. `more` are further
 * changes of the same page (passwordless-settings.ts), written in the same patch.
 */
export function authenticationSettingsPatch(config: unknown, input: AuthenticationSettings, more: readonly (readonly [readonly string[], unknown])[] = []): PatchOperation[] {
  const current = readAuthenticationSettings(config);
  const entries: (readonly [readonly string[], unknown])[] = [...more];
  for (const method of SWITCHABLE_METHODS) if (input.methods[method] !== current.methods[method]) entries.push([enabledPath(method), input.methods[method]]);
  for (const key of ["whoamiRequiredAal", "settingsRequiredAal", "totpIssuer", "passkeyDisplayName"] as const) {
    if (input[key] !== current[key]) entries.push([paths[key], input[key]]);
  }
  return setOperations(config, entries);
}
