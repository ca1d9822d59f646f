import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LogoMark } from "@/components/brand/logo";
import { LanguageSwitcher } from "./language-switcher";

/** The frame of the pages before sign-in (setup, login): brand, language switcher, one centered card. */
export async function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow dark:focus:bg-slate-900 dark:focus:text-brand-100">
        {t("skipToContent")}
      </a>
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <span className="flex items-center gap-2 text-lg font-semibold">
          <LogoMark />
          {t("appName")}
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1} className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:pt-12 focus:outline-none">
        <div className="w-full max-w-md">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {subtitle ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{subtitle}</p> : null}
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">{children}</div>
        </div>
      </main>
    </div>
  );
}
