import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/console/auth-frame";
import { buttonClasses } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { preparePlatform } from "@/lib/console/bootstrap";
import { NOT_A_CONSOLE_USER } from "@/lib/console/handoff";
import { safeConsoleReturnTo } from "@/lib/console/return-to";
import { consoleSignInUrl } from "@/lib/console/sign-in-urls";
import { needsSetup } from "@/lib/workspaces/setup";
import { currentConsoleUser } from "@/app/_lib/console-auth";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Console sign-in happens on the platform project's hosted pages (lib/console/platform-project.ts): this route
 * only sends the browser there, with the handoff as return_to. It renders itself only to say why a sign-in
 * was refused (an identity that is no console user), so that no redirect loop follows.
 */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const returnTo = safeConsoleReturnTo(first(query.return_to));
  if (await currentConsoleUser()) redirect(returnTo);
  if (await needsSetup()) redirect("/setup");
  await preparePlatform();
  if (first(query.error) !== NOT_A_CONSOLE_USER) redirect(consoleSignInUrl(returnTo));
  const t = await getTranslations("auth");
  return (
    <AuthFrame title={t("title")} subtitle={t("subtitle")}>
      <FormError message={t("notConsoleUser")} />
      {/* A plain anchor: the hosted pages are another part of the app (no client-side navigation). */}
      <a href={consoleSignInUrl(returnTo)} className={buttonClasses("primary", "md", "mt-4 w-full")}>
        {t("signInAgain")}
      </a>
    </AuthFrame>
  );
}
