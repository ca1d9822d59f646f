import { z } from "zod";
import { claimsFromTraitsSchema } from "@/lib/projects";
import { parseDuration } from "./duration";

const duration = (fallback: string) =>
  z.string().default(fallback).catch(fallback).transform((v) => parseDuration(v) ?? parseDuration(fallback)!);
const url = (fallback: string) => z.string().default(fallback).catch(fallback);

/** The OAuth2 part of a project's configuration (`services.oauth2.config`, Hydra's config shape), defaults filled in. */
const settingsSchema = z.object({
  ttl: z.object({
    access_token: duration("1h"),
    refresh_token: duration("720h"),
    id_token: duration("1h"),
    auth_code: duration("10m"),
    login_consent_request: duration("30m"),
    device_user_code: duration("10m"),
  }).prefault({}),
  strategies: z.object({
    access_token: z.enum(["opaque", "jwt"]).default("opaque").catch("opaque"),
    scope: z.enum(["exact", "wildcard"]).default("wildcard").catch("wildcard"),
  }).prefault({}),
  urls: z.object({
    login: url("/ui/login"),
    consent: url("/ui/consent"),
    logout: url("/ui/logout"),
    error: url("/ui/error"),
    post_logout_redirect: url("/ui/logout/done"),
    device: z.object({ verification: url("/ui/device"), success: url("/ui/device/success") }).prefault({}),
  }).prefault({}),
  oauth2: z.object({
    pkce: z.object({ enforced: z.boolean().default(false).catch(false), enforced_for_public_clients: z.boolean().default(true).catch(true) }).prefault({}),
    client_credentials: z.object({ default_grant_allowed_scope: z.boolean().default(false).catch(false) }).prefault({}),
    refresh_token_rotation_grace_period: duration("0s"),
  }).prefault({}),
  device: z.object({ interval: z.number().int().min(1).max(60).default(5).catch(5) }).prefault({}),
  oidc: z.object({ claims_from_traits: claimsFromTraitsSchema.default({}).catch({}) }).prefault({}),
});

export type OAuth2Settings = z.infer<typeof settingsSchema>;

interface ProjectWithConfig {
  config: unknown;
}

const cache = new WeakMap<object, OAuth2Settings>();

function oauth2Config(config: unknown): unknown {
  const services = (config as { services?: { oauth2?: { config?: unknown } } } | null)?.services;
  return services?.oauth2?.config ?? {};
}

/** The project's OAuth2 settings, parsed once per project config object (invalid values fall back to defaults). */
export function oauth2Settings(project: ProjectWithConfig): OAuth2Settings {
  const key = (project.config && typeof project.config === "object" ? project.config : project) as object;
  let settings = cache.get(key);
  if (!settings) {
    const raw = oauth2Config(project.config);
    settings = settingsSchema.parse(raw && typeof raw === "object" ? raw : {});
    cache.set(key, settings);
  }
  return settings;
}
