"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { PasswordlessSettings } from "@/lib/identity-console/passwordless-settings";

type Values = Partial<Record<string, string>>;

/** A switch with its hint (Kratos' passwordless_enabled / methods.link.enabled). */
function Toggle({ name, checked }: { name: "passwordless" | "link"; checked: boolean }) {
  const t = useTranslations("authentication.passwordless");
  const id = `method-${name}`;
  return (
    <li className="flex items-start gap-3 py-3">
      <input id={id} name={`method.${name}`} type="checkbox" defaultChecked={checked} aria-describedby={`${id}-hint`} className="mt-1 h-4 w-4 accent-brand-600" />
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="text-sm font-medium">{t(`${name}.label`)}</label>
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">{t(`${name}.hint`)}</p>
      </div>
    </li>
  );
}

/** Code login and registration, magic links, what recovery and verification use, identifier-first login. */
export function PasswordlessFieldset({ current, values, error }: { current: PasswordlessSettings; values?: Values; error: (key: string) => string | undefined }) {
  const t = useTranslations("authentication.passwordless");
  const choice = (key: "recoveryUse" | "verificationUse") => (
    <Field name={key} idPrefix="authentication" label={t(`${key}.label`)} hint={t(`${key}.hint`)} error={error(key)}>
      {(control) => (
        <Select {...control} defaultValue={values?.[key] ?? current[key]}>
          <option value="code">{t("use.code")}</option>
          <option value="link">{t("use.link")}</option>
        </Select>
      )}
    </Field>
  );
  return (
    <fieldset className="space-y-4" data-testid="passwordless-settings">
      <legend className="mb-1 text-base font-semibold">{t("title")}</legend>
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        <Toggle name="passwordless" checked={current.passwordless} />
        <Toggle name="link" checked={current.link} />
      </ul>
      <div className="grid gap-4 sm:grid-cols-3">
        {choice("recoveryUse")}
        {choice("verificationUse")}
        <Field name="loginStyle" idPrefix="authentication" label={t("loginStyle.label")} hint={t("loginStyle.hint")} error={error("loginStyle")}>
          {(control) => (
            <Select {...control} defaultValue={values?.loginStyle ?? current.loginStyle}>
              <option value="unified">{t("loginStyle.unified")}</option>
              <option value="identifier_first">{t("loginStyle.identifier_first")}</option>
            </Select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}
