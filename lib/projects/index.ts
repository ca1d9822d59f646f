/** Projects (tenants): creation, versioned configuration, deletion, members. */
export { createProject, createProjectInputSchema, type CreateProjectInput } from "./create";
export { getProject, listProjects, listWorkspaceProjects } from "./read";
export { setProject, patchProject, setProjectInputSchema, type SetProjectInput } from "./update";
export { purgeProject } from "./purge";
export { listProjectMembers, type ProjectMember } from "./members";
export { jsonPatchSchema, type JsonPatch } from "./json-patch";
export type { ProjectView, ProjectSummary, ProjectEnvironment, ProjectState } from "./records";
export type { ProjectUpdate, ProjectWarning } from "./revise";
export { readStoredConfig, serviceConfig, projectConfigSchema, type ProjectConfig, type ProjectServiceName } from "./config-schema";
export { frameAncestors, frameAncestorsSchema } from "./frame-ancestors";
export { defaultProjectConfig, defaultIdentityConfig, defaultOAuth2Config, defaultPermissionConfig, BUILT_IN_SCHEMA_IDS } from "./default-config";
export { slugSchema } from "./slug";
export { claimsFromTraitsSchema, claimsMappingProblem, MAPPABLE_CLAIMS, type ClaimsFromTraits } from "./claims-mapping";
export { findProjectBySlug, invalidateProject, type ProjectRecord } from "./lookup";
