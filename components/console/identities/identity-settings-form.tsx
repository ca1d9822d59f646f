"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { IdentitySettings } from "@/lib/identity-console/identity-settings";
import type { FormState } from "@/app/_lib/form-state";
import { useSavedToast } from "./use-saved-toast";

type Action = (state: FormState<{ saved: boolean }>, form: FormData) => Promise<FormState<{ saved: boolean }>>;

function Toggle({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <div className="flex items-start gap-3">
      <input id={`settings-${name}`} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={`settings-${name}-hint`} className="mt-1 h-4 w-4 accent-brand-600" />
      <div>
        <label htmlFor={`settings-${name}`} className="text-sm font-medium">
          {label}
        </label>
        <p id={`settings-${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      </div>
    </div>
  );
}

/** Password policy and session lifetimes (Kratos' config keys), saved as one project revision. */
export function IdentitySettingsForm({ action, current }: { action: Action; current: IdentitySettings }) {
  const t = useTranslations("identities.settings");
  const te = useTranslations("identities.errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.submittedAt, Boolean(state.fieldErrors));
  useSavedToast(state.result?.saved, state.submittedAt, t("saved"));

  const value = (key: keyof IdentitySettings) => state.values?.[key] ?? String(current[key]);
  const error = (key: string) => (state.fieldErrors?.[key] ? te(state.fieldErrors[key]) : undefined);
  const text = (key: "sessionLifespan" | "earliestPossibleExtend" | "privilegedSessionMaxAge") => (
    <Field name={key} idPrefix="settings" label={t(`${key}.label`)} hint={t(`${key}.hint`)} error={error(key)}>
      {(control) => <Input {...control} required defaultValue={value(key)} pattern="(\d+(h|m|s))+" className="font-mono" />}
    </Field>
  );

  return (
    <form ref={form} action={formAction} noValidate className="space-y-8" data-testid="identity-settings-form">
      <FormError message={state.formError ? te(state.formError) : undefined} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("passwordTitle")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="minPasswordLength" idPrefix="settings" label={t("minPasswordLength.label")} hint={t("minPasswordLength.hint")} error={error("minPasswordLength")}>
            {(control) => <Input {...control} type="number" min={6} max={4096} required defaultValue={value("minPasswordLength")} />}
          </Field>
          <Field name="maxBreaches" idPrefix="settings" label={t("maxBreaches.label")} hint={t("maxBreaches.hint")} error={error("maxBreaches")}>
            {(control) => <Input {...control} type="number" min={0} required defaultValue={value("maxBreaches")} />}
          </Field>
        </div>
        <Toggle name="identifierSimilarityCheck" label={t("identifierSimilarityCheck.label")} hint={t("identifierSimilarityCheck.hint")} defaultChecked={current.identifierSimilarityCheck} />
        <Toggle name="haveIBeenPwned" label={t("haveIBeenPwned.label")} hint={t("haveIBeenPwned.hint")} defaultChecked={current.haveIBeenPwned} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("sessionTitle")}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {text("sessionLifespan")}
          {text("earliestPossibleExtend")}
          {text("privilegedSessionMaxAge")}
        </div>
      </fieldset>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
