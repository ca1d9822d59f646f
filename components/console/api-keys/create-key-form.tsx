"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/app/_lib/form-state";
import { KEY_EXPIRY_DAYS, type CreatedKey } from "@/app/_lib/api-key-form";
import { TokenDialog } from "./token-dialog";

type Action = (state: FormState<CreatedKey>, form: FormData) => Promise<FormState<CreatedKey>>;

/** Names and creates a key; the key itself then appears once, in a dialog. */
export function CreateKeyForm({ action }: { action: Action }) {
  const t = useTranslations("console.apiKeys");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const [dialogFor, setDialogFor] = useState<number | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);
  const error = state.fieldErrors?.name;
  const expiryError = state.fieldErrors?.expiresInDays;
  useFocusFirstError(form, state.submittedAt, Boolean(error ?? expiryError));

  useEffect(() => {
    if (state.result) {
      setDialogFor(state.submittedAt);
      form.current?.reset();
    }
  }, [state.result, state.submittedAt]);
  // Without scripts the server-rendered state opens the dialog directly.
  const open = Boolean(state.result) && (dialogFor === undefined || dialogFor === state.submittedAt);

  return (
    <>
      <form ref={form} action={formAction} noValidate className="space-y-3">
        <FormError message={state.formError ? te(state.formError) : undefined} />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="flex-1">
            <Field name="name" idPrefix="api-key" label={t("nameLabel")} hint={t("nameHint")} error={error ? te(error) : undefined}>
              {(control) => <Input {...control} required maxLength={100} defaultValue={state.result ? "" : state.values?.name} />}
            </Field>
          </div>
          <div className="sm:w-44">
            <Field name="expiresInDays" idPrefix="api-key" label={t("expiryLabel")} error={expiryError ? te(expiryError) : undefined}>
              {(control) => (
                <Select {...control} defaultValue={state.result ? "" : (state.values?.expiresInDays ?? "")}>
                  <option value="">{t("expiry.never")}</option>
                  {KEY_EXPIRY_DAYS.map((days) => (
                    <option key={days} value={String(days)}>{t("expiry.days", { days })}</option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <SubmitButton className="sm:mt-[1.625rem]" pendingLabel={t("creating")}>
            {t("create")}
          </SubmitButton>
        </div>
      </form>
      {/* Unmounted once closed, so the key does not linger in the page. */}
      {state.result && open ? (
        <TokenDialog
          open
          name={state.result.name}
          token={state.result.token}
          onClose={() => {
            setDialogFor(-1);
            document.getElementById("api-key-name")?.focus();
          }}
        />
      ) : null}
    </>
  );
}
