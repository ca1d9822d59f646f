import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { canonicalOrigin, isSecureOrigin } from "@/lib/request-origin";
import { currentClientIp, currentRequestOrigin } from "./request-origin";
import { consoleLoginUrl, PATH_HEADER } from "@/lib/console/return-to";
import { PLATFORM_PROJECT_SLUG } from "@/lib/console/platform-project";
import { CONSOLE_COOKIE, signOut, userFromSessionToken, type ConsoleUser, type SignInMeta } from "@/lib/console/session";
import { defaultCookieName } from "@/lib/sessions";
import { consoleAccessForUser, type ConsoleAccess } from "@/lib/workspaces";

/** The signed-in console user of this request, if any (memoized per request). */
export const currentConsoleUser = cache(async (): Promise<ConsoleUser | undefined> => {
  return userFromSessionToken((await cookies()).get(CONSOLE_COOKIE)?.value);
});

/** Every console page and action calls this: without a session it redirects to the login, keeping the path. */
export async function requireConsoleUser(): Promise<ConsoleUser> {
  const user = await currentConsoleUser();
  if (!user) redirect(consoleLoginUrl((await headers()).get(PATH_HEADER)));
  return user;
}

/** The session cookie: httpOnly, SameSite=Lax, Secure under https, for the whole origin. */
export async function setConsoleSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(CONSOLE_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureOrigin(await currentRequestOrigin()),
    path: "/",
    expires: expiresAt,
  });
}

export async function clearConsoleSessionCookie(): Promise<string | undefined> {
  const store = await cookies();
  const token = store.get(CONSOLE_COOKIE)?.value;
  store.delete({ name: CONSOLE_COOKIE, path: "/" });
  return token;
}

/**
 * Ends the console session and the platform-project session it came from on the server (not just the
 * cookies), and drops both cookies.
 */
export async function endConsoleSignIn(): Promise<void> {
  await signOut(await clearConsoleSessionCookie());
  (await cookies()).delete({ name: defaultCookieName(PLATFORM_PROJECT_SLUG), path: `/p/${PLATFORM_PROJECT_SLUG}` });
}

/** Client address and user agent for the session record and audit log. */
export async function requestMeta(): Promise<SignInMeta> {
  return {
    ip: await currentClientIp(),
    userAgent: (await headers()).get("user-agent") ?? "",
  };
}

/** The public origin, for project base URLs and invitation links shown by the console (lib/request-origin). */
export async function publicOrigin(): Promise<string> {
  return canonicalOrigin(await currentRequestOrigin());
}

/** What the signed-in user may touch (their workspace roles), for the lib/ domain functions. */
export const currentConsoleAccess = cache(async (): Promise<ConsoleAccess> => {
  const user = await requireConsoleUser();
  return consoleAccessForUser(user, await currentRequestOrigin());
});
