import type { OriginSource } from "@/lib/request-origin";
import { issueSession, sessionCookieFields, type SessionCookieFields } from "@/lib/sessions";
import { ensurePlatformProject, platformContext } from "./platform-project";

/**
 * The owner's first session on the platform project, issued by the setup page next to the console session: the
 * setup form proved the password, so "Account and password" (the platform project's hosted settings) must not
 * ask for it again a minute later. Returns the project's session cookie for the caller to set.
 */
export async function platformSessionAfterSetup(
  identityId: string, device: { ip: string; userAgent: string }, request: OriginSource,
): Promise<{ sessionId: string; cookie: SessionCookieFields }> {
  const project = await ensurePlatformProject();
  const { session, token } = await issueSession(await platformContext(project), { identityId, method: "password", device });
  return { sessionId: session.id, cookie: sessionCookieFields(project, token, session.expiresAt, request) };
}
