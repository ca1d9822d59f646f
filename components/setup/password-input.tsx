"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { passwordStrength, type PasswordStrength } from "@/lib/console/password-strength";

const meter: Record<PasswordStrength, { width: string; color: string }> = {
  empty: { width: "0%", color: "bg-slate-300" },
  tooShort: { width: "15%", color: "bg-red-600" },
  weak: { width: "35%", color: "bg-red-600" },
  fair: { width: "65%", color: "bg-amber-500" },
  strong: { width: "100%", color: "bg-emerald-600" },
};

/** A new-password field with a live strength hint (announced politely, not on every keystroke's noise). */
export function NewPasswordField({ error, idPrefix, autoFocus }: { error?: string; idPrefix?: string; autoFocus?: boolean }) {
  const t = useTranslations("setup");
  const [strength, setStrength] = useState<PasswordStrength>("empty");
  return (
    <Field
      name="password"
      idPrefix={idPrefix}
      label={t("password")}
      error={error}
      hint={
        <>
          <span>{t("passwordHint")}</span>
          <span className="mt-1.5 block h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden="true">
            <span className={`block h-full transition-all ${meter[strength].color}`} style={{ width: meter[strength].width }} />
          </span>
          <span aria-live="polite" className="mt-1 block" data-testid="password-strength">
            {strength === "empty" ? "" : t(`strength.${strength}`)}
          </span>
        </>
      }
    >
      {(control) => (
        <Input
          {...control}
          type="password"
          autoFocus={autoFocus}
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={1024}
          onChange={(event) => setStrength(passwordStrength(event.currentTarget.value))}
        />
      )}
    </Field>
  );
}
