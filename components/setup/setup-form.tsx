"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/app/_lib/form-state";
import { NewPasswordField } from "./password-input";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Owner account and first workspace. Works without scripts: the action re-renders the page with errors. */
export function SetupForm({ action }: { action: Action }) {
  const t = useTranslations("setup");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  const errorCount = Object.keys(errors).length;
  useFocusFirstError(form, state.submittedAt, errorCount > 0);
  const err = (field: string) => (errors[field] ? te(errors[field]) : undefined);
  // Without scripts, the first invalid field gets focus through autofocus on the re-rendered page.
  const first = ["name", "email", "password", "workspaceName"].find((field) => errors[field]);

  return (
    <form ref={form} action={formAction} noValidate className="space-y-5">
      <FormError message={errorCount > 0 ? te("fixFields", { count: errorCount }) : state.formError ? te(state.formError) : undefined} />
      <fieldset className="space-y-4">
        <legend className="mb-1 text-sm font-semibold text-slate-700 dark:text-slate-300">{t("ownerLegend")}</legend>
        <Field name="name" label={t("name")} error={err("name")}>
          {(control) => <Input {...control} autoFocus={first === "name"} autoComplete="name" maxLength={200} defaultValue={state.values?.name} />}
        </Field>
        <Field name="email" label={t("email")} error={err("email")}>
          {(control) => <Input {...control} autoFocus={first === "email"} type="email" autoComplete="email" required maxLength={320} defaultValue={state.values?.email} />}
        </Field>
        <NewPasswordField error={err("password")} autoFocus={first === "password"} />
      </fieldset>
      <fieldset className="space-y-4 border-t border-slate-200 pt-4 dark:border-slate-800">
        <legend className="sr-only">{t("workspaceLegend")}</legend>
        <Field name="workspaceName" label={t("workspaceName")} hint={t("workspaceHint")} error={err("workspaceName")}>
          {(control) => <Input {...control} autoFocus={first === "workspaceName"} required maxLength={100} autoComplete="organization" defaultValue={state.values?.workspaceName} />}
        </Field>
      </fieldset>
      <SubmitButton className="w-full" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
