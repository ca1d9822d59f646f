import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";
import type { Prisma } from "@/lib/db/generated/client";
import { accountExperienceConfigSchema } from "./frame-ancestors";

/** Ory Network's `projectCors`. Origins may carry one `*` wildcard in the host, as Ory allows. */
export const projectCorsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  origins: z.array(z.string().max(2048).regex(/^https?:\/\/[^\s/]+$/, "An origin is scheme://host[:port] without a path.")).max(200).default([]),
});

const jsonObject = z.record(z.string(), z.unknown());

/** Keto's namespaces: a list of `{id?, name}` or an Ory Permission Language location (`{location}`). */
const permissionNamespaces = z.union([
  z.array(z.strictObject({ id: z.number().int().min(0).optional(), name: z.string().min(1).max(200) })).max(1000),
  // Keto's `namespaces.experimental_strict_mode` sits next to the OPL location (lib/permissions/README.md).
  z.strictObject({ location: z.string().min(1).max(100_000), experimental_strict_mode: z.boolean().optional() }),
]);

const permissionConfigSchema = z.looseObject({ namespaces: permissionNamespaces.optional() });

export const projectServicesSchema = z.strictObject({
  identity: z.strictObject({ config: jsonObject }),
  oauth2: z.strictObject({ config: jsonObject }),
  permission: z.strictObject({ config: permissionConfigSchema }),
  account_experience: z.strictObject({ config: accountExperienceConfigSchema }).optional(),
});

/** What `projects.config` stores (and each `project_revisions.config` snapshots). */
export const projectConfigSchema = z.strictObject({
  services: projectServicesSchema,
  cors_admin: projectCorsSchema,
  cors_public: projectCorsSchema,
});
export type ProjectConfig = z.infer<typeof projectConfigSchema>;
export type ProjectServiceName = keyof ProjectConfig["services"];

export const projectNameSchema = storableString().trim().min(1, "The project name must not be empty.").max(100);

const emptyService = { config: {} };

/**
 * Reads a stored config leniently: rows written by older code or by test fixtures may lack parts;
 * they read as empty service configs rather than failing the request.
 */
export function readStoredConfig(stored: unknown): ProjectConfig {
  const raw = (stored && typeof stored === "object" ? stored : {}) as Partial<Record<string, unknown>>;
  const services = (raw.services && typeof raw.services === "object" ? raw.services : {}) as Partial<Record<string, unknown>>;
  const candidate = {
    services: {
      identity: services.identity ?? emptyService,
      oauth2: services.oauth2 ?? emptyService,
      permission: services.permission ?? emptyService,
      ...(services.account_experience ? { account_experience: services.account_experience } : {}),
    },
    cors_admin: raw.cors_admin ?? {},
    cors_public: raw.cors_public ?? {},
  };
  const parsed = projectConfigSchema.safeParse(candidate);
  return parsed.success
    ? parsed.data
    : { services: { identity: emptyService, oauth2: emptyService, permission: emptyService }, cors_admin: { enabled: false, origins: [] }, cors_public: { enabled: false, origins: [] } };
}

/** A service's config object (e.g. Kratos' config for "identity") from a stored project config. */
export function serviceConfig(stored: unknown, service: ProjectServiceName): Record<string, unknown> {
  return readStoredConfig(stored).services[service]?.config ?? {};
}

/** A validated config as the JSON column value Prisma expects. */
export const configJson = (config: ProjectConfig): Prisma.InputJsonObject => config as unknown as Prisma.InputJsonObject;
