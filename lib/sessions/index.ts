/** Sessions (Kratos) — the public face of lib/sessions. */
export { issueSession, newSession, type IssueSessionInput, type NewSession } from "./issue";
export { sessionFromRequest, sessionFromToken, sessionTokenFromRequest, type AuthenticatedSession } from "./from-request";
export { manageSessions, manageSessionsBody, type ManageSessionsBody } from "./bulk";
export { getSession, revokeSession, revokeIdentitySessions, extendSession, addAuthenticationMethod, isPrivileged, type ExtendResult } from "./manage";
export { listSessions, listIdentitySessions, type ListSessionsInput, type SessionPage } from "./list";
export { sessionCookie, sessionCookieFields, clearSessionCookie, sessionCookiePath, readCookie, type SessionCookieFields } from "./cookie";
export { sessionSettings, defaultCookieName, type SessionSettings } from "./config";
export { invalidateSession, invalidateIdentitySessions, clearSessionCache, rememberSession } from "./cache";
export { refreshedSession } from "./refresh";
export { createLogoutToken, sessionByLogoutToken } from "./logout-token";
export { toOrySession, type OrySession, type OrySessionOptions } from "./serialize";
export { availableAal, meetsRequiredAal } from "./aal";
export { SESSION_TOKEN_PREFIX, hashSessionToken } from "./tokens";
export type { SessionRecord, Aal, AuthenticationMethod, SessionDevice } from "./record";
