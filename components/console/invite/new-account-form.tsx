"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { useFlowCatalog } from "@/components/flow/use-flow-catalog";
import { NewPasswordField } from "@/components/setup/password-input";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { translateUiText } from "@/lib/selfservice/ui";
import type { NewAccountState } from "@/app/(console-auth)/console/invite/[token]/actions";

type Action = (state: NewAccountState, form: FormData) => Promise<NewAccountState>;

/**
 * The invitee's new account: the address is the invited one (shown, not editable, and offered to password
 * managers as the username), an optional name and a password checked against the platform project's policy.
 */
export function NewAccountForm({ action, email }: { action: Action; email: string }) {
  const t = useTranslations("console.invitation");
  const te = useTranslations("errors");
  const catalog = useFlowCatalog();
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  const errorCount = Object.keys(errors).length;
  useFocusFirstError(form, state.submittedAt, errorCount > 0);
  const policy = state.passwordMessages?.map((message) => translateUiText(message, catalog)).join(" ");
  const passwordError = policy || (errors.password ? te(errors.password) : undefined);

  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError message={errorCount > 0 ? te("fixFields", { count: errorCount }) : state.formError ? te(state.formError) : undefined} />
      {/* For password managers: the account's username is the invited address. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field name="name" idPrefix="invitee" label={t("nameLabel")} hint={t("nameHint")} error={errors.name ? te(errors.name) : undefined}>
        {(control) => <Input {...control} autoComplete="name" maxLength={200} defaultValue={state.values?.name} />}
      </Field>
      {/* Remounted per submission: the form is reset after the action, and the strength hint must follow. */}
      <NewPasswordField key={state.submittedAt ?? 0} idPrefix="invitee" error={passwordError} autoFocus />
      <SubmitButton className="w-full" pendingLabel={t("creating")}>
        {t("createAccount")}
      </SubmitButton>
    </form>
  );
}
