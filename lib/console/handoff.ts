import { platformDb, Prisma } from "@/lib/db";
import { consoleOrigin, requestOrigin, servesConsole } from "@/lib/request-origin";
import { enforceRateLimit } from "@/lib/ratelimit";
import { clearSessionCookie, meetsRequiredAal, revokeSession, sessionFromRequest } from "@/lib/sessions";
import type { ServiceContext } from "@/lib/identity";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { consoleLoginUrl, safeConsoleReturnTo } from "./return-to";
import { createConsoleSession, type ConsoleUser } from "./session";
import { consoleSignInUrl } from "./sign-in-urls";
import { isPlatformProject, platformContext } from "./platform-project";

type HandoffRequest = NonNullable<ServiceContext["request"]>;

export type HandoffResult =
  /** A console session was minted: set the console cookie and go to `location`. */
  | { outcome: "signed_in"; token: string; expiresAt: Date; user: ConsoleUser; location: string }
  /** No (sufficient) platform session, or not on the console's origin: sign in (there) first. */
  | { outcome: "sign_in"; location: string }
  /** Signed in as an identity that is no console user: that session ends (cookie cleared), the console says why. */
  | { outcome: "refused"; location: string; clearCookie: string }
  /** Not the platform project: the handoff does not exist there. */
  | { outcome: "not_found" };

export const NOT_A_CONSOLE_USER = "not_a_console_user";

/**
 * The step from the platform project's session to a console session. Only on the platform project (another
 * project's session never opens the console), only from the session cookie (the browser's own sign-in, not a
 * token a page could forward), only for an identity linked to a console user; `return_to` must be a console
 * path (lib/console/return-to.ts) — anything else falls back to the console home (no open redirect).
 *
 * On the platform project's subdomain (`console.{BASE_DOMAIN}`) the console cookie would belong to that host,
 * where /console is not served, so the browser goes to the console's own origin and signs in there: the
 * subdomain's session cookie (Path=/ on that host) never reaches the console origin, and carrying a session
 * across origins in a URL would open a login-CSRF hole.
 */
export async function handOffToConsole(slug: string, request: HandoffRequest, rawReturnTo: unknown): Promise<HandoffResult> {
  const project = await findProjectBySlug(slug);
  if (!project || !isPlatformProject(project)) return { outcome: "not_found" };
  const returnTo = safeConsoleReturnTo(rawReturnTo);
  await enforceRateLimit({ projectId: project.id, rule: "login:ip", subject: request.ip || "unknown" });
  const origin = requestOrigin(request);
  if (!servesConsole(origin)) return { outcome: "sign_in", location: consoleOrigin(origin) + consoleLoginUrl(returnTo) };
  const ctx = await platformContext(project, request);
  const found = await sessionFromRequest(ctx);
  if (!found || found.via !== "cookie") return { outcome: "sign_in", location: consoleSignInUrl(returnTo) };
  if (!meetsRequiredAal(project, found.session, found.identity)) return { outcome: "sign_in", location: consoleSignInUrl(returnTo, { aal: "aal2" }) };

  const db = await platformDb();
  const user = await db.user.findUnique({ where: { identityId: found.identity.id }, select: { id: true, email: true, name: true } });
  if (!user) {
    await revokeSession(ctx, found.session.id);
    return { outcome: "refused", location: `/console/login?error=${NOT_A_CONSOLE_USER}`, clearCookie: clearSessionCookie(project, request) };
  }
  user.email = await followEmailChange(user, found.identity.traits);
  const meta = { ip: request.ip, userAgent: request.header("user-agent"), identitySessionId: found.session.id };
  const session = await createConsoleSession(user, meta);
  return { outcome: "signed_in", token: session.token, expiresAt: session.expiresAt, user, location: returnTo };
}

/**
 * A console user may change their email on the platform project's settings page; the console shows (and
 * workspace owners add members by) `users.email`, so it follows the identity's email at the next sign-in.
 * Kept when another console user already has that address.
 */
async function followEmailChange(user: { id: string; email: string }, traits: unknown): Promise<string> {
  const email = typeof traits === "object" && traits && "email" in traits && typeof traits.email === "string" ? traits.email.trim().toLowerCase() : "";
  if (!email || email === user.email) return user.email;
  try {
    await (await platformDb()).user.update({ where: { id: user.id }, data: { email } });
    return email;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return user.email;
    throw error;
  }
}
