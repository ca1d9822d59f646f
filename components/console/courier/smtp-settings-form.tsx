"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { useSavedToast } from "@/components/console/identities/use-saved-toast";
import type { FormState } from "@/app/_lib/form-state";

type SaveAction = (state: FormState<{ saved: boolean }>, form: FormData) => Promise<FormState<{ saved: boolean }>>;
type TestAction = (state: FormState<{ sentTo: string; via: string }>) => Promise<FormState<{ sentTo: string; via: string }>>;

interface Props {
  save: SaveAction;
  test: TestAction;
  current: { connectionUri: string; fromAddress: string; fromName: string };
  /** The operator's SMTP server (COURIER_SMTP_URL) is used when the project has none. */
  operatorFallback: boolean;
}

/** The project's SMTP server and sender, and a test message to the signed-in operator. */
export function SmtpSettingsForm({ save, test, current, operatorFallback }: Props) {
  const t = useTranslations("courier.smtp");
  const te = useTranslations("courier.smtp.errors");
  const [state, formAction] = useActionState(save, {});
  const [testState, testAction] = useActionState(test, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.submittedAt, Boolean(state.fieldErrors));
  useSavedToast(state.result?.saved, state.submittedAt, t("saved"));
  const value = (key: keyof Props["current"]) => state.values?.[key] ?? current[key];
  const error = (key: string) => (state.fieldErrors?.[key] ? te(state.fieldErrors[key]) : undefined);

  return (
    <div className="space-y-6">
      <form ref={form} action={formAction} noValidate className="space-y-4" data-testid="smtp-form">
        <FormError message={state.formError ? te(state.formError) : undefined} />
        <Field name="connectionUri" idPrefix="smtp" label={t("connectionUri")} hint={t(operatorFallback ? "connectionUriHintFallback" : "connectionUriHint")} error={error("connectionUri")}>
          {(control) => <Input {...control} defaultValue={value("connectionUri")} placeholder="smtps://user:password@mail.example.com:465" autoComplete="off" spellCheck={false} className="font-mono" />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="fromAddress" idPrefix="smtp" label={t("fromAddress")} error={error("fromAddress")}>
            {(control) => <Input {...control} type="email" defaultValue={value("fromAddress")} placeholder="no-reply@example.com" />}
          </Field>
          <Field name="fromName" idPrefix="smtp" label={t("fromName")} error={error("fromName")}>
            {(control) => <Input {...control} defaultValue={value("fromName")} maxLength={100} />}
          </Field>
        </div>
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </form>
      <form action={testAction} className="space-y-3 border-t border-slate-200 pt-5 dark:border-slate-800">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("testDescription")}</p>
        <SubmitButton variant="secondary" pendingLabel={t("testSending")}>{t("testSend")}</SubmitButton>
        <div role="status" aria-live="polite" className="text-sm" data-testid="smtp-test-result">
          {testState.result ? <p className="text-emerald-700 dark:text-emerald-400">{t("testSent", { to: testState.result.sentTo, via: testState.result.via })}</p> : null}
          {testState.formError ? (
            <p className="text-red-700 dark:text-red-400">
              {te(testState.formError)}
              {testState.values?.detail ? <code className="mt-1 block break-all font-mono text-xs">{testState.values.detail}</code> : null}
            </p>
          ) : null}
        </div>
      </form>
    </div>
  );
}
