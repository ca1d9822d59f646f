"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/console/session";
import { clearConsoleSessionCookie } from "@/app/_lib/console-auth";

/** Ends the console session on the server (not just the cookie) and returns to the login. */
export async function signOutAction(): Promise<void> {
  await signOut(await clearConsoleSessionCookie());
  redirect("/console/login");
}
