import { z } from "zod";
import { conflict } from "@/lib/core/errors";
import type { Project } from "@/lib/db/generated/client";
import type { ConsoleAccess } from "@/lib/access";
import { assertValidPermissionConfig } from "@/lib/permissions/config";
import { assertValidAalConfig } from "./aal-config";
import { assertValidClaimsMapping } from "./claims-mapping";
import { projectConfigSchema, projectCorsSchema, projectNameSchema, projectServicesSchema } from "./config-schema";
import { assertValidProjectConfig } from "./config-rules/validate";
import { defaultIdentityConfig, defaultOAuth2Config, defaultPermissionConfig } from "./default-config";
import { applyJsonPatch, assertMutablePaths, jsonPatchSchema, type JsonPatch } from "./json-patch";
import { loadProject, toView } from "./records";
import { reviseProject, type ProjectUpdate, type ProjectWarning } from "./revise";

/** Ory's `setProject` body. Services left out get their defaults (PUT replaces the whole configuration). */
export const setProjectInputSchema = z.object({
  name: projectNameSchema,
  services: projectServicesSchema.partial({ identity: true, oauth2: true, permission: true }),
  cors_admin: projectCorsSchema.optional(),
  cors_public: projectCorsSchema.optional(),
  organizations: z.array(z.unknown()).max(1000).optional(),
});
export type SetProjectInput = z.input<typeof setProjectInputSchema>;

const noOrganizations = (organizations: unknown[] | undefined): ProjectWarning[] =>
  organizations?.length
    ? [{ code: 4000001, message: "Organizations are not changed through the project document; use the organizations API." }]
    : [];

/** Replaces a project's name and configuration (Ory's `setProject`). */
export async function setProject(access: ConsoleAccess, idOrSlug: string, raw: SetProjectInput): Promise<ProjectUpdate> {
  const input = setProjectInputSchema.parse(raw);
  const row = await loadProject(access, idOrSlug, "write");
  const config = projectConfigSchema.parse({
    services: {
      identity: input.services.identity ?? { config: defaultIdentityConfig() },
      oauth2: input.services.oauth2 ?? { config: defaultOAuth2Config() },
      permission: input.services.permission ?? { config: defaultPermissionConfig() },
      ...(input.services.account_experience ? { account_experience: input.services.account_experience } : {}),
    },
    cors_admin: input.cors_admin ?? {},
    cors_public: input.cors_public ?? {},
  });
  assertValidProjectConfig(config, row.config);
  assertValidPermissionConfig(config, row.config);
  assertValidAalConfig(config);
  assertValidClaimsMapping(config);
  const project = await reviseProject(access, row, { name: input.name, config }, "project.updated");
  return { project, warnings: noOrganizations(input.organizations) };
}

/** The members of the project document a patch may change; everything else is read-only. */
const MUTABLE_ROOTS: ReadonlySet<string> = new Set(["name", "services", "cors_admin", "cors_public"]);

async function patchableDocument(row: Project) {
  const view = await toView(row);
  return {
    id: view.id, slug: view.slug, state: view.state, revision_id: view.revisionId, workspace_id: view.workspaceId,
    environment: view.environment, home_region: "global", organizations: [] as unknown[],
    name: view.name, ...view.config,
  };
}

/**
 * Applies a JSON Patch (RFC 6902) to the project document, as Ory's `patchProject`: paths such as
 * `/services/identity/config/selfservice/methods/password/enabled` or `/name`. With `expectedRevisionId`
 * (Ory's `patchProjectWithRevision`) the patch is refused when the project moved on since that revision.
 */
export async function patchProject(access: ConsoleAccess, idOrSlug: string, rawPatch: JsonPatch, expectedRevisionId?: string): Promise<ProjectUpdate> {
  const patch = jsonPatchSchema.parse(rawPatch);
  assertMutablePaths(patch, MUTABLE_ROOTS);
  const row = await loadProject(access, idOrSlug, "write");
  const document = await patchableDocument(row);
  if (expectedRevisionId && expectedRevisionId !== document.revision_id) {
    throw conflict("The project has a newer revision than the one this patch was made for.", { id: "revision_conflict" });
  }
  const patched = applyJsonPatch(document, patch);
  const name = projectNameSchema.parse(patched.name);
  const config = projectConfigSchema.parse({ services: patched.services, cors_admin: patched.cors_admin, cors_public: patched.cors_public });
  assertValidProjectConfig(config, row.config);
  assertValidPermissionConfig(config, row.config);
  assertValidAalConfig(config);
  assertValidClaimsMapping(config);
  const project = await reviseProject(access, row, { name, config }, "project.patched", {
    paths: patch.map((op) => `${op.op} ${op.path}`).slice(0, 50),
  });
  return { project, warnings: [] };
}

