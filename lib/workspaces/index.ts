/** Workspaces: the customer accounts that own projects, their members and their console API keys. */
export {
  listWorkspacesForUser, getWorkspace, createWorkspace, updateWorkspace,
  createWorkspaceInputSchema, updateWorkspaceInputSchema,
  type WorkspaceView, type PageRequest, type CreateWorkspaceInput, type UpdateWorkspaceInput,
} from "./workspaces";
export {
  listWorkspaceMembers, addWorkspaceMember, updateWorkspaceMemberRole, removeWorkspaceMember,
  type WorkspaceMemberView, type AddMemberInput,
} from "./members";
export {
  createWorkspaceApiKey, listWorkspaceApiKeys, revokeWorkspaceApiKey, verifyWorkspaceApiKey,
  type WorkspaceApiKeyView, type IssuedWorkspaceApiKey, type VerifiedWorkspaceKey,
} from "./api-keys";
export { needsSetup, createOwner, setupInputSchema, type SetupInput, type SetupResult } from "./setup";
export { listWorkspaceProjects } from "@/lib/projects/read";
export { consoleAccessForUser, consoleAccessForWorkspaceKey, type ConsoleAccess, type ConsoleActor, type WorkspaceRole } from "@/lib/access";
export {
  createWorkspaceInvite, resendWorkspaceInvite, revokeWorkspaceInvite, listWorkspaceInvites, findInvitation,
  acceptInvitation, acceptInvitationWithNewAccount, invitationNeedsSignIn, INVITE_TTL_DAYS,
  type WorkspaceInviteView, type InviteEmailStatus, type InvitationView, type InvitationStatus, type IssuedInvite,
  type InviteInput, type InviteDelivery, type NewAccountInput, type AcceptMeta,
} from "./invites";
