"use client";

import { useId, useRef } from "react";
import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "@/app/_actions/locale";
import { localeNames, locales } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";
import { useScripted } from "@/components/ui/use-scripted";



/**
 * Sets the `pc_locale` cookie. Without scripts it is a select plus an "Apply" button; with scripts the
 * language changes as soon as it is picked.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);
  const returnTo = useRef<HTMLInputElement>(null);
  const id = useId();
  const scripted = useScripted();

  return (
    <form ref={form} action={setLocaleAction} className={cn("flex items-center gap-2", className)}>
      <input ref={returnTo} type="hidden" name="return_to" defaultValue={pathname} />
      <label htmlFor={id} className="sr-only">
        {t("language")}
      </label>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-slate-500 dark:text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5">
        <circle cx="10" cy="10" r="7.5" />
        <path d="M2.5 10h15M10 2.5c2.2 2.2 2.2 12.8 0 15M10 2.5c-2.2 2.2-2.2 12.8 0 15" />
      </svg>
      <select
        id={id}
        name="locale"
        defaultValue={locale}
        onChange={() => {
          if (returnTo.current) returnTo.current.value = window.location.pathname + window.location.search;
          form.current?.requestSubmit();
        }}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>
      {scripted ? null : (
        <button type="submit" className="h-8 rounded-md border border-slate-300 px-2 text-sm dark:border-slate-600">
          {t("apply")}
        </button>
      )}
    </form>
  );
}
