"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { PLATFORM_PROJECT_SLUG } from "@/lib/console/platform-project";
import { signOut } from "@/lib/console/session";
import { defaultCookieName } from "@/lib/sessions";
import { clearConsoleSessionCookie } from "@/app/_lib/console-auth";

/**
 * Ends the console session and the platform-project session it came from on the server (not just the
 * cookies), drops both cookies, and returns to the login.
 */
export async function signOutAction(): Promise<void> {
  await signOut(await clearConsoleSessionCookie());
  (await cookies()).delete({ name: defaultCookieName(PLATFORM_PROJECT_SLUG), path: `/p/${PLATFORM_PROJECT_SLUG}` });
  redirect("/console/login");
}
