/** Workspace invitations: invite by email with a role, resend, revoke, and accept (signed in, or with a new account). */
export { createWorkspaceInvite } from "./create";
export { resendWorkspaceInvite, revokeWorkspaceInvite } from "./manage";
export { listWorkspaceInvites, type WorkspaceInviteView, type InviteEmailStatus } from "./list";
export { findInvitation, type InvitationView, type InvitationStatus } from "./lookup";
export { acceptInvitation, acceptInvitationWithNewAccount, invitationNeedsSignIn, type AcceptMeta } from "./accept";
export type { IssuedInvite } from "./issue";
export { INVITE_TTL_DAYS, type InviteInput, type InviteDelivery, type NewAccountInput } from "./schema";
