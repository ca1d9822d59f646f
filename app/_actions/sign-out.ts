"use server";

import { redirect } from "next/navigation";
import { endConsoleSignIn } from "@/app/_lib/console-auth";

/** Signs out of the console and of the platform project it signed in through, and returns to the login. */
export async function signOutAction(): Promise<void> {
  await endConsoleSignIn();
  redirect("/console/login");
}
