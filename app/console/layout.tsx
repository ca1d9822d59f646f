import Link from "next/link";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LogoMark } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/console/language-switcher";
import { ConsoleNav } from "@/components/console/shell/console-nav";
import { MobileMenu } from "@/components/console/shell/mobile-menu";
import { UserBox } from "@/components/console/shell/user-box";
import { ToastProvider } from "@/components/ui/toast";
import { requireConsoleUser } from "@/app/_lib/console-auth";

export const dynamic = "force-dynamic";

/** The console shell: sidebar on wide screens, a top menu on small ones. Every page below needs a session. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireConsoleUser();
  const t = await getTranslations();
  const brand = (
    <Link href="/console" className="flex items-center gap-2 rounded-md text-base font-semibold">
      <LogoMark />
      <span>{t("common.appName")}</span>
    </Link>
  );

  return (
    // The console's client components read its whole catalogue (messages omitted = all of them).
    <NextIntlClientProvider>
      <ToastProvider>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow dark:focus:bg-slate-900 dark:focus:text-brand-100"
        >
          {t("common.skipToContent")}
        </a>
        <div className="min-h-screen lg:flex">
          <aside className="hidden lg:sticky lg:top-0 lg:flex lg:h-screen lg:w-64 lg:shrink-0 lg:flex-col lg:border-r lg:border-slate-200 lg:bg-white dark:lg:border-slate-800 dark:lg:bg-slate-900">
            <div className="px-5 py-5">{brand}</div>
            <div className="flex-1 overflow-y-auto px-3">
              <ConsoleNav label={t("console.shell.mainNav")} />
            </div>
            <div className="space-y-3 border-t border-slate-200 px-4 py-4 dark:border-slate-800">
              <LanguageSwitcher />
              <UserBox name={user.name} email={user.email} />
            </div>
          </aside>
          <header className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur lg:hidden dark:border-slate-800 dark:bg-slate-900/95">
            {brand}
            <MobileMenu label={t("console.shell.menu")}>
              <div className="space-y-4">
                <ConsoleNav label={t("console.shell.mainNav")} />
                <div className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800">
                  <LanguageSwitcher />
                  <UserBox name={user.name} email={user.email} />
                </div>
              </div>
            </MobileMenu>
          </header>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-10 lg:py-8">
            <div className="mx-auto max-w-6xl">{children}</div>
          </main>
        </div>
      </ToastProvider>
    </NextIntlClientProvider>
  );
}
