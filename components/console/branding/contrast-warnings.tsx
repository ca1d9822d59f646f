"use client";

import { useTranslations } from "next-intl";
import { contrastWarnings, MIN_TEXT_CONTRAST } from "@/lib/branding/contrast";
import type { Branding } from "@/lib/branding/schema";

/** WCAG 2.2 SC 1.4.3 check of the edited theme, updated as colours change (announced politely). */
export function ContrastWarnings({ branding }: { branding: Branding }) {
  const t = useTranslations("branding.contrast");
  const warnings = contrastWarnings(branding);
  return (
    <div role="status" aria-live="polite" data-testid="contrast-warnings">
      {warnings.length === 0 ? (
        <p className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          {t("ok", { min: MIN_TEXT_CONTRAST })}
        </p>
      ) : (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">{t("title", { min: MIN_TEXT_CONTRAST })}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {warnings.map((warning) => (
              <li key={`${warning.scheme}-${warning.pair}`}>
                {t(`pairs.${warning.pair}`)} ({t(`schemes.${warning.scheme}`)}): {t("ratio", { ratio: warning.ratio.toFixed(2) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
