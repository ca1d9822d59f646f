"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/app/_lib/form-state";
import type { CreatedKey } from "@/app/_lib/api-key-form";
import { TokenDialog } from "../api-keys/token-dialog";

type Action = (state: FormState<CreatedKey>, form: FormData) => Promise<FormState<CreatedKey>>;

const EXPIRIES = ["never", "30d", "90d", "365d"] as const;

/** Name, scopes and expiry of a new key for the tenant's API; the secret then appears once, in a dialog. */
export function CreateServiceKeyForm({ action }: { action: Action }) {
  const t = useTranslations("console.serviceKeys");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const [dialogFor, setDialogFor] = useState<number | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  useFocusFirstError(form, state.submittedAt, Object.keys(errors).length > 0);

  useEffect(() => {
    if (state.result) {
      setDialogFor(state.submittedAt);
      form.current?.reset();
    }
  }, [state.result, state.submittedAt]);
  const open = Boolean(state.result) && (dialogFor === undefined || dialogFor === state.submittedAt);
  const value = (name: string) => (state.result ? "" : state.values?.[name]);

  return (
    <>
      <form ref={form} action={formAction} noValidate className="space-y-3">
        <FormError message={state.formError ? te(state.formError) : undefined} />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="name" idPrefix="service-key" label={t("nameLabel")} hint={t("nameHint")} error={errors.name ? te(errors.name) : undefined}>
            {(control) => <Input {...control} required maxLength={100} defaultValue={value("name")} />}
          </Field>
          <Field name="scopes" idPrefix="service-key" label={t("scopesLabel")} hint={t("scopesHint")} error={errors.scopes ? te(errors.scopes) : undefined}>
            {(control) => <Input {...control} maxLength={2000} defaultValue={value("scopes")} />}
          </Field>
          <Field name="expires" idPrefix="service-key" label={t("expiresLabel")} error={errors.expires ? te(errors.expires) : undefined}>
            {(control) => (
              <Select {...control} defaultValue={value("expires") || "90d"}>
                {EXPIRIES.map((e) => <option key={e} value={e}>{t(`expiry.${e}`)}</option>)}
              </Select>
            )}
          </Field>
        </div>
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
      {state.result && open ? (
        <TokenDialog
          open
          name={state.result.name}
          token={state.result.token}
          onClose={() => {
            setDialogFor(-1);
            document.getElementById("service-key-name")?.focus();
          }}
        />
      ) : null}
    </>
  );
}
