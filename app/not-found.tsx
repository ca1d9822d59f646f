import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogoMark } from "@/components/brand/logo";
import { buttonClasses } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common"))("notFoundTitle"), robots: { index: false } };
}

/** Any path nothing serves: a branded, localized page instead of the framework's bare 404. */
export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-16">
      <div className="w-full max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="flex justify-center"><LogoMark /></div>
        <p className="font-mono text-sm text-slate-600 dark:text-slate-400">404</p>
        <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("notFoundDescription")}</p>
        <Link href="/console" className={buttonClasses("primary")}>{t("backToConsole")}</Link>
      </div>
    </main>
  );
}
