import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/console/auth-frame";
import { LoginForm } from "@/components/console/auth/login-form";
import { safeConsoleReturnTo } from "@/lib/console/return-to";
import { needsSetup } from "@/lib/workspaces/setup";
import { currentConsoleUser } from "@/app/_lib/console-auth";
import { loginAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

/** Console sign-in. The login lives outside the console shell (its own route group). */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).return_to;
  const returnTo = safeConsoleReturnTo(Array.isArray(raw) ? raw[0] : raw);
  if (await currentConsoleUser()) redirect(returnTo);
  if (await needsSetup()) redirect("/setup");
  const t = await getTranslations("auth");
  return (
    <AuthFrame title={t("title")} subtitle={t("subtitle")}>
      <LoginForm action={loginAction} returnTo={returnTo === "/console" ? undefined : returnTo} />
    </AuthFrame>
  );
}
