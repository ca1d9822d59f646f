"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { SWITCHABLE_METHODS, type AuthenticationSettings } from "@/lib/identity-console/authentication-settings";
import type { PasswordlessSettings } from "@/lib/identity-console/passwordless-settings";
import type { FormState } from "@/app/_lib/form-state";
import { PasswordlessFieldset } from "./passwordless-fieldset";
import { useSavedToast } from "../identities/use-saved-toast";

type Action = (state: FormState<{ saved: boolean }>, form: FormData) => Promise<FormState<{ saved: boolean }>>;
type MethodId = (typeof SWITCHABLE_METHODS)[number];

/** One method: its switch, what it is, and how many identities use it. */
function MethodRow({ method, checked, users }: { method: MethodId; checked: boolean; users: number }) {
  const t = useTranslations("authentication");
  const id = `method-${method}`;
  return (
    <li className="flex items-start gap-3 py-3">
      <input id={id} name={`method.${method}`} type="checkbox" defaultChecked={checked} aria-describedby={`${id}-hint`} className="mt-1 h-4 w-4 accent-brand-600 disabled:opacity-50" />
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="text-sm font-medium">
          {t(`methods.${method}.label`)}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {t(`methods.${method}.hint`)}
        </p>
      </div>
      <p className="shrink-0 text-right text-xs text-slate-600 tabular-nums dark:text-slate-400" data-testid={`usage-${method}`}>
        {t("usage", { count: users })}
      </p>
    </li>
  );
}

/** Methods, required AAL, TOTP issuer and passkey display name (Kratos' config keys), saved as one project revision. */
export function AuthenticationForm({ action, current, passwordless, usage }: { action: Action; current: AuthenticationSettings; passwordless: PasswordlessSettings; usage: Record<string, number> }) {
  const t = useTranslations("authentication");
  const te = useTranslations("identities.errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.submittedAt, Boolean(state.fieldErrors));
  useSavedToast(state.result?.saved, state.submittedAt, t("saved"));
  const error = (key: string) => (state.fieldErrors?.[key] ? te(state.fieldErrors[key]) : undefined);
  const aal = (key: "whoamiRequiredAal" | "settingsRequiredAal") => (
    <Field name={key} idPrefix="authentication" label={t(`${key}.label`)} hint={t(`${key}.hint`)} error={error(key)}>
      {(control) => (
        <Select {...control} defaultValue={state.values?.[key] ?? current[key]}>
          <option value="highest_available">{t("aal.highest_available")}</option>
          <option value="aal1">{t("aal.aal1")}</option>
        </Select>
      )}
    </Field>
  );

  return (
    <form ref={form} action={formAction} noValidate className="space-y-8" data-testid="authentication-form">
      <FormError message={state.formError ? te(state.formError) : undefined} />
      <fieldset>
        <legend className="mb-1 text-base font-semibold">{t("methodsTitle")}</legend>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("methodsDescription")}</p>
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {SWITCHABLE_METHODS.map((method) => <MethodRow key={method} method={method} checked={current.methods[method]} users={usage[method] ?? 0} />)}
        </ul>
      </fieldset>
      <PasswordlessFieldset current={passwordless} values={state.values} error={error} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("assuranceTitle")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {aal("whoamiRequiredAal")}
          {aal("settingsRequiredAal")}
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("namesTitle")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="totpIssuer" idPrefix="authentication" label={t("totpIssuer.label")} hint={t("totpIssuer.hint")} error={error("totpIssuer")}>
            {(control) => <Input {...control} maxLength={100} defaultValue={state.values?.totpIssuer ?? current.totpIssuer} />}
          </Field>
          <Field name="passkeyDisplayName" idPrefix="authentication" label={t("passkeyDisplayName.label")} hint={t("passkeyDisplayName.hint")} error={error("passkeyDisplayName")}>
            {(control) => <Input {...control} maxLength={100} defaultValue={state.values?.passkeyDisplayName ?? current.passkeyDisplayName} />}
          </Field>
        </div>
      </fieldset>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
