"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/app/_lib/form-state";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export function CreateWorkspaceForm({ action }: { action: Action }) {
  const t = useTranslations("console.workspaces");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const error = state.fieldErrors?.name;
  useFocusFirstError(form, state.submittedAt, Boolean(error));

  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError message={state.formError ? te(state.formError) : undefined} />
      <Field name="name" idPrefix="workspace" label={t("nameLabel")} hint={t("nameHint")} error={error ? te(error) : undefined}>
        {(control) => <Input {...control} required maxLength={100} defaultValue={state.values?.name} />}
      </Field>
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </form>
  );
}
