import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/console/auth-frame";
import { SetupForm } from "@/components/setup/setup-form";
import { needsSetup } from "@/lib/workspaces/setup";
import { setupAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}

/** First start only: once an owner exists, this page sends people to the console login. */
export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/console/login");
  const t = await getTranslations("setup");
  return (
    <AuthFrame title={t("title")} subtitle={t("subtitle")}>
      <SetupForm action={setupAction} />
    </AuthFrame>
  );
}
