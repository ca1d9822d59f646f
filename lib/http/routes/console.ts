import { createProjectApiKey, listProjectApiKeys, revokeProjectApiKey } from "@/lib/apikeys/project-keys";
import {
  createProject, getProject, listProjectMembers, listProjects, listWorkspaceProjects, patchProject, purgeProject, setProject,
  jsonPatchSchema, setProjectInputSchema,
} from "@/lib/projects";
import {
  createWorkspace, createWorkspaceApiKey, getWorkspace, listWorkspaceApiKeys, listWorkspacesForUser, removeWorkspaceMember, revokeWorkspaceApiKey, updateWorkspace,
} from "@/lib/workspaces";
import { parseJson, parseQuery } from "../body";
import { consoleRoute } from "../console-route";
import {
  projectApiKeyJson, projectJson, projectMemberJson, projectMetadataJson, projectUpdateJson, workspaceApiKeyJson, workspaceJson,
} from "../console/ory-shapes";
import { createApiKeyBody, createProjectBody, createWorkspaceBody, listPageQuery, updateWorkspaceBody } from "../console/schemas";
import { created, noContent, ok } from "../respond";
import type { RouteDefinition } from "../types";

const BASE = "/api/console";

const workspaceRoutes: RouteDefinition[] = [
  {
    method: "GET", path: `${BASE}/workspaces`,
    handler: consoleRoute(async ({ access, request }) => {
      const query = parseQuery(request, listPageQuery);
      const page = await listWorkspacesForUser(access, { pageSize: query.page_size, pageToken: query.page_token });
      return ok({ workspaces: page.items.map(workspaceJson), next_page_token: page.nextPageToken, has_next_page: page.hasNextPage });
    }),
  },
  {
    method: "POST", path: `${BASE}/workspaces`,
    handler: consoleRoute(async ({ access, request }) => created(workspaceJson(await createWorkspace(access, await parseJson(request, createWorkspaceBody))))),
  },
  {
    method: "GET", path: `${BASE}/workspaces/:workspace`,
    handler: consoleRoute(async ({ access }, { workspace }) => ok(workspaceJson(await getWorkspace(access, workspace)))),
  },
  {
    method: "PUT", path: `${BASE}/workspaces/:workspace`,
    handler: consoleRoute(async ({ access, request }, { workspace }) => {
      const body = await parseJson(request, updateWorkspaceBody);
      return ok(workspaceJson(await updateWorkspace(access, workspace, { name: body.name })));
    }),
  },
  {
    method: "GET", path: `${BASE}/workspaces/:workspace/projects`,
    handler: consoleRoute(async ({ access }, { workspace }) => {
      const projects = await listWorkspaceProjects(access, workspace);
      return ok({ projects: projects.map(projectMetadataJson), next_page: "", has_next_page: false });
    }),
  },
  {
    method: "GET", path: `${BASE}/workspaces/:workspace/tokens`,
    handler: consoleRoute(async ({ access }, { workspace }) => ok((await listWorkspaceApiKeys(access, workspace)).map(workspaceApiKeyJson))),
  },
  {
    method: "POST", path: `${BASE}/workspaces/:workspace/tokens`,
    handler: consoleRoute(async ({ access, request }, { workspace }) => {
      const body = await parseJson(request, createApiKeyBody);
      return created(workspaceApiKeyJson(await createWorkspaceApiKey(access, workspace, { name: body.name, expiresAt: body.expires_at })));
    }),
  },
  {
    method: "DELETE", path: `${BASE}/workspaces/:workspace/tokens/:token_id`,
    handler: consoleRoute(async ({ access }, { workspace, token_id }) => {
      await revokeWorkspaceApiKey(access, workspace, token_id);
      return noContent();
    }),
  },
];

const projectRoutes: RouteDefinition[] = [
  {
    method: "GET", path: `${BASE}/projects`,
    handler: consoleRoute(async ({ access }) => ok((await listProjects(access)).map(projectMetadataJson))),
  },
  {
    method: "POST", path: `${BASE}/projects`,
    handler: consoleRoute(async ({ access, request }) => {
      const body = await parseJson(request, createProjectBody);
      const project = await createProject(access, { name: body.name, environment: body.environment, workspaceId: body.workspace_id, slug: body.slug });
      return created(projectJson(project));
    }),
  },
  {
    method: "GET", path: `${BASE}/projects/:project`,
    handler: consoleRoute(async ({ access }, { project }) => ok(projectJson(await getProject(access, project)))),
  },
  {
    method: "PUT", path: `${BASE}/projects/:project`,
    handler: consoleRoute(async ({ access, request }, { project }) =>
      ok(projectUpdateJson(await setProject(access, project, await parseJson(request, setProjectInputSchema))))),
  },
  {
    method: "PATCH", path: `${BASE}/projects/:project`,
    handler: consoleRoute(async ({ access, request }, { project }) =>
      ok(projectUpdateJson(await patchProject(access, project, await parseJson(request, jsonPatchSchema))))),
  },
  {
    method: "PATCH", path: `${BASE}/projects/:project/revision/:revision_id`,
    handler: consoleRoute(async ({ access, request }, { project, revision_id }) =>
      ok(projectUpdateJson(await patchProject(access, project, await parseJson(request, jsonPatchSchema), revision_id)))),
  },
  {
    method: "DELETE", path: `${BASE}/projects/:project`,
    handler: consoleRoute(async ({ access }, { project }) => {
      await purgeProject(access, project);
      return noContent();
    }),
  },
  {
    method: "GET", path: `${BASE}/projects/:project/members`,
    handler: consoleRoute(async ({ access }, { project }) => ok((await listProjectMembers(access, project)).map(projectMemberJson))),
  },
  {
    // Ory's removeProjectMember. A project's members are its workspace's members (lib/projects/members.ts), so the
    // member leaves the workspace, under the workspace's rules: admins and owners only, the last owner stays.
    method: "DELETE", path: `${BASE}/projects/:project/members/:member`,
    handler: consoleRoute(async ({ access }, { project, member }) => {
      await removeWorkspaceMember(access, (await getProject(access, project)).workspaceId, member);
      return noContent();
    }),
  },
  {
    method: "GET", path: `${BASE}/projects/:project/tokens`,
    handler: consoleRoute(async ({ access }, { project }) => ok((await listProjectApiKeys(access, project)).map(projectApiKeyJson))),
  },
  {
    method: "POST", path: `${BASE}/projects/:project/tokens`,
    handler: consoleRoute(async ({ access, request }, { project }) => {
      const body = await parseJson(request, createApiKeyBody);
      return created(projectApiKeyJson(await createProjectApiKey(access, project, { name: body.name, expiresAt: body.expires_at })));
    }),
  },
  {
    method: "DELETE", path: `${BASE}/projects/:project/tokens/:token_id`,
    handler: consoleRoute(async ({ access }, { project, token_id }) => {
      await revokeProjectApiKey(access, project, token_id);
      return noContent();
    }),
  },
];

/** The console API (Ory Network's), base path /api/console. */
export const consoleRoutes: RouteDefinition[] = [...workspaceRoutes, ...projectRoutes];
