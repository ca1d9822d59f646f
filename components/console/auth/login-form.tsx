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

export function LoginForm({ action, returnTo }: { action: Action; returnTo?: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  useFocusFirstError(form, state.submittedAt, Object.keys(errors).length > 0);
  const err = (field: string) => (errors[field] ? te(errors[field]) : undefined);

  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError message={state.formError ? t(state.formError) : undefined} />
      {returnTo ? <input type="hidden" name="return_to" value={returnTo} /> : null}
      <Field name="email" label={t("email")} error={err("email")}>
        {(control) => <Input {...control} autoFocus={Boolean(errors.email)} type="email" autoComplete="username" required maxLength={320} defaultValue={state.values?.email} />}
      </Field>
      <Field name="password" label={t("password")} error={err("password")}>
        {(control) => <Input {...control} autoFocus={!errors.email && Boolean(errors.password || state.formError)} type="password" autoComplete="current-password" required maxLength={1024} />}
      </Field>
      <SubmitButton className="w-full" pendingLabel={t("signingIn")}>
        {t("signIn")}
      </SubmitButton>
    </form>
  );
}
