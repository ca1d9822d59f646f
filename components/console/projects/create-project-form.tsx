"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/app/_lib/form-state";

type Action = (state: FormState, form: FormData) => Promise<FormState>;
const environments = ["prod", "stage", "dev"] as const;

export function CreateProjectForm({ action }: { action: Action }) {
  const t = useTranslations("console.projects");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  useFocusFirstError(form, state.submittedAt, Object.keys(errors).length > 0);
  const err = (field: string) => (errors[field] ? te(errors[field]) : undefined);

  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError message={state.formError ? te(state.formError) : undefined} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field name="name" idPrefix="project" label={t("nameLabel")} error={err("name")}>
          {(control) => <Input {...control} required maxLength={100} defaultValue={state.values?.name} />}
        </Field>
        <Field name="environment" idPrefix="project" label={t("environmentLabel")} error={err("environment")}>
          {(control) => (
            <Select {...control} defaultValue={state.values?.environment || "dev"}>
              {environments.map((env) => (
                <option key={env} value={env}>
                  {t(`environment.${env}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("environmentHint")}</p>
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </form>
  );
}
