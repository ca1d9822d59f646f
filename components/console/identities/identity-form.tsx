"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TraitField } from "@/lib/identity-console/traits-form";
import type { IdentityFormState } from "@/app/console/projects/[projectId]/identities/actions";
import { TraitInputs } from "./trait-inputs";
import { useSavedToast } from "./use-saved-toast";

type Action = (state: IdentityFormState, form: FormData) => Promise<IdentityFormState>;

export interface IdentityFormProps {
  action: Action;
  mode: "create" | "edit";
  fields: TraitField[];
  /** Current trait values by field name (strings, as inputs hold them). */
  values: Record<string, string>;
  state: "active" | "inactive";
}

/** Create or edit an identity's traits with a form generated from its identity schema. */
export function IdentityForm({ action, mode, fields, values, state: identityState }: IdentityFormProps) {
  const t = useTranslations("identities.form");
  const te = useTranslations("identities.errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const shown = { ...values, ...state.values };

  useSavedToast(state.saved, state.submittedAt, t("saved"));

  return (
    <form ref={form} action={formAction} className="space-y-5" data-testid={`identity-${mode}-form`}>
      <FormError message={state.formError ? [te(state.formError), state.detail].filter(Boolean).join(" — ") : undefined} />
      <TraitInputs fields={fields} values={shown} idPrefix={`identity-${mode}`} />
      <div className="grid gap-4 sm:grid-cols-2">
        {mode === "create" ? (
          <Field name="password" idPrefix="identity-create" label={t("password")} hint={t("passwordHint")}>
            {(control) => <Input {...control} type="password" autoComplete="new-password" maxLength={4096} />}
          </Field>
        ) : null}
        <Field name="state" idPrefix={`identity-${mode}`} label={t("state")} hint={t("stateHint")}>
          {(control) => (
            <Select {...control} defaultValue={shown.state ?? identityState}>
              <option value="active">{t("active")}</option>
              <option value="inactive">{t("inactive")}</option>
            </Select>
          )}
        </Field>
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("saving")}>{mode === "create" ? t("create") : t("save")}</SubmitButton>
      </div>
    </form>
  );
}
