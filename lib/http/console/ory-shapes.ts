import { config } from "@/lib/config";
import type { IssuedProjectApiKey, ProjectApiKeyView } from "@/lib/apikeys/project-keys";
import type { ProjectMember, ProjectSummary, ProjectUpdate, ProjectView } from "@/lib/projects";
import type { IssuedWorkspaceApiKey, WorkspaceApiKeyView, WorkspaceView } from "@/lib/workspaces";

// Domain records → the console API's JSON, in Ory Network's schema (ory-network-client: `workspace`,
// `project`, `projectMetadata`, `projectApiKey`, `workspaceApiKey`, `projectMember`, `successfulProjectUpdate`).

/** Self-hosted: there are no regions; every project reports Ory's `global`. */
const HOME_REGION = "global";

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);

export const workspaceJson = (w: WorkspaceView) => ({
  id: w.id,
  name: w.name,
  created_at: iso(w.createdAt),
  updated_at: iso(w.updatedAt),
  role: w.role,
});

function hosts(slug: string): string[] {
  const baseDomain = config().BASE_DOMAIN;
  return baseDomain ? [`${slug}.${baseDomain}`] : [];
}

export const projectJson = (p: ProjectView) => ({
  id: p.id,
  revision_id: p.revisionId,
  slug: p.slug,
  name: p.name,
  environment: p.environment,
  home_region: HOME_REGION,
  state: p.state,
  workspace_id: p.workspaceId,
  services: p.config.services,
  cors_admin: p.config.cors_admin,
  cors_public: p.config.cors_public,
  organizations: [],
  // Our additions.
  revision: p.revision,
  created_at: iso(p.createdAt),
  updated_at: iso(p.updatedAt),
});

export const projectMetadataJson = (p: ProjectSummary) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  environment: p.environment,
  home_region: HOME_REGION,
  state: p.state,
  hosts: hosts(p.slug),
  workspace_id: p.workspaceId,
  created_at: iso(p.createdAt),
  updated_at: iso(p.updatedAt),
});

export const projectUpdateJson = (u: ProjectUpdate) => ({ project: projectJson(u.project), warnings: u.warnings });

export const projectApiKeyJson = (k: ProjectApiKeyView | IssuedProjectApiKey) => ({
  id: k.id,
  name: k.name,
  owner_id: k.ownerId ?? undefined,
  project_id: k.projectId,
  created_at: iso(k.createdAt),
  updated_at: iso(k.createdAt),
  expires_at: iso(k.expiresAt),
  last_used_at: iso(k.lastUsedAt),
  prefix: k.prefix,
  ...("value" in k ? { value: k.value } : {}),
});

export const workspaceApiKeyJson = (k: WorkspaceApiKeyView | IssuedWorkspaceApiKey) => ({
  id: k.id,
  name: k.name,
  workspace_id: k.workspaceId,
  created_at: iso(k.createdAt),
  updated_at: iso(k.createdAt),
  expires_at: iso(k.expiresAt),
  last_used_at: iso(k.lastUsedAt),
  prefix: k.prefix,
  ...("value" in k ? { value: k.value } : {}),
});

/** Ory's project roles are owner/developer/viewer: workspace admins are project owners. */
const projectRole = { owner: "owner", admin: "owner", developer: "developer", viewer: "viewer" } as const;

export const projectMemberJson = (m: ProjectMember) => ({
  id: m.userId,
  email: m.email,
  name: m.name,
  email_verified: false,
  role: projectRole[m.role],
  source: m.source,
});
