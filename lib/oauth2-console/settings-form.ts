import { z } from "zod";
import { setOperations, type PatchOperation } from "@/lib/identity-console/config-patch";
import { parseDuration } from "@/lib/oauth2/duration";
import { isHttpUrl } from "./uri-list";

type Json = Record<string, unknown>;
const at = (root: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" && !Array.isArray(node) ? (node as Json)[key] : undefined), root);

const HYDRA = ["services", "oauth2", "config"] as const;

/** Where each console setting lives in the project config (Hydra's own keys). */
export const oauth2SettingPaths = {
  accessTokenStrategy: [...HYDRA, "strategies", "access_token"],
  accessTokenTtl: [...HYDRA, "ttl", "access_token"],
  refreshTokenTtl: [...HYDRA, "ttl", "refresh_token"],
  idTokenTtl: [...HYDRA, "ttl", "id_token"],
  authCodeTtl: [...HYDRA, "ttl", "auth_code"],
  loginUrl: [...HYDRA, "urls", "login"],
  consentUrl: [...HYDRA, "urls", "consent"],
  logoutUrl: [...HYDRA, "urls", "logout"],
} as const;
export type OAuth2SettingKey = keyof typeof oauth2SettingPaths;

const MINUTE = 60_000;
/** A Go duration within bounds, as Hydra's config takes it ("1h", "30m", "720h"). */
const duration = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((value) => parseDuration(value) !== undefined, "duration")
    .refine((value) => (parseDuration(value) ?? 0) >= min, "durationTooShort")
    .refine((value) => (parseDuration(value) ?? 0) <= max, "durationTooLong");

/** An absolute http(s) URL, or a path relative to the project base URL ("/ui/login"). */
const uiUrl = z
  .string()
  .trim()
  .min(1, "required")
  .max(2048, "tooLong")
  .refine((value) => isHttpUrl(value) || /^\/(?!\/)[^\s#]*$/.test(value), "uiUrl");

export const oauth2SettingsSchema = z.object({
  accessTokenStrategy: z.enum(["opaque", "jwt"], "invalid"),
  accessTokenTtl: duration(MINUTE, 24 * 60 * MINUTE),
  refreshTokenTtl: duration(MINUTE, 366 * 24 * 60 * MINUTE),
  idTokenTtl: duration(MINUTE, 24 * 60 * MINUTE),
  authCodeTtl: duration(MINUTE, 60 * MINUTE),
  loginUrl: uiUrl,
  consentUrl: uiUrl,
  logoutUrl: uiUrl,
});
export type OAuth2SettingsForm = z.infer<typeof oauth2SettingsSchema>;

const defaults: OAuth2SettingsForm = {
  accessTokenStrategy: "opaque",
  accessTokenTtl: "1h",
  refreshTokenTtl: "720h",
  idTokenTtl: "1h",
  authCodeTtl: "10m",
  loginUrl: "/ui/login",
  consentUrl: "/ui/consent",
  logoutUrl: "/ui/logout",
};

/** The values as stored (Hydra's defaults where the config is silent or holds something unusable). */
export function readOAuth2SettingsForm(config: unknown): OAuth2SettingsForm {
  const result = { ...defaults };
  for (const key of Object.keys(defaults) as OAuth2SettingKey[]) {
    const parsed = oauth2SettingsSchema.shape[key].safeParse(at(config, oauth2SettingPaths[key]));
    if (parsed.success) (result as Record<OAuth2SettingKey, string>)[key] = parsed.data;
  }
  return result;
}

/** The JSON Patch that writes changed settings into the project config (unchanged ones are left alone). */
export function oauth2SettingsPatch(config: unknown, input: OAuth2SettingsForm): PatchOperation[] {
  const current = readOAuth2SettingsForm(config);
  const changed = (Object.keys(input) as OAuth2SettingKey[]).filter((key) => input[key] !== current[key] || at(config, oauth2SettingPaths[key]) === undefined);
  return setOperations(config, changed.map((key) => [oauth2SettingPaths[key], input[key]] as const));
}
