"use client";

import { useTranslations } from "next-intl";
import type { StarterModel } from "@/lib/permissions-console/starters";

/** Offered while the OPL editor is empty: one button per starter model fills the editor (nothing is saved yet). */
export function StarterPicker({ starters, onPick }: { starters: readonly StarterModel[]; onPick: (opl: string) => void }) {
  const t = useTranslations("permissions.starters");
  return (
    <section aria-labelledby="starters-title" className="space-y-3 rounded-md border border-dashed border-slate-300 p-4 dark:border-slate-700" data-testid="starter-models">
      <div>
        <h3 id="starters-title" className="text-sm font-semibold">{t("title")}</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-3">
        {starters.map((starter) => (
          <li key={starter.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <p className="text-sm font-medium">{t(`${starter.id}.name`)}</p>
            <p className="flex-1 text-xs text-slate-600 dark:text-slate-400">{t(`${starter.id}.description`)}</p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {t("example")} <code className="break-all">{starter.check}</code>
            </p>
            <button
              type="button"
              onClick={() => onPick(starter.opl)}
              aria-label={t("useLabel", { name: t(`${starter.id}.name`) })}
              className="self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              {t("use")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
