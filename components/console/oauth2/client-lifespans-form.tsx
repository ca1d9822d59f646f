"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { useSavedToast } from "@/components/console/identities/use-saved-toast";
import type { OAuth2FormState } from "@/app/console/projects/[projectId]/oauth2/errors";
import type { LifespanRow } from "@/lib/oauth2-console/lifespans-form";

type Action = (state: OAuth2FormState<{ saved: true }>, form: FormData) => Promise<OAuth2FormState<{ saved: true }>>;

/** The client's own token lifespans, grouped by grant; an empty field means the project's default (shown). */
export function ClientLifespansForm({ action, rows }: { action: Action; rows: LifespanRow[] }) {
  const t = useTranslations("oauth2Console.lifespans");
  const te = useTranslations("oauth2Console.errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.submittedAt, Boolean(state.fieldErrors));
  useSavedToast(Boolean(state.result?.saved), state.submittedAt, t("saved"));
  const error = (key: string) => (state.fieldErrors?.[key] ? te(state.fieldErrors[key]) : undefined);
  const grants = [...new Set(rows.map((row) => row.grant))];

  if (rows.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>;
  return (
    <form ref={form} action={formAction} noValidate className="space-y-6" data-testid="client-lifespans-form" key={state.values ? state.submittedAt : "initial"}>
      <FormError message={state.formError ? [te(state.formError), state.detail].filter(Boolean).join(" — ") : undefined} />
      {grants.map((grant) => (
        <fieldset key={grant} className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-800 dark:text-slate-200">{t(`grants.${grant}`)}</legend>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {rows.filter((row) => row.grant === grant).map((row) => (
              <Field key={row.field} name={row.field} idPrefix="lifespan" label={t(`tokens.${row.token}`)} hint={t("hint", { value: row.projectDefault })} error={error(row.field)}>
                {(control) => (
                  <Input
                    {...control}
                    defaultValue={state.values?.[row.field] ?? row.value}
                    placeholder={t("projectDefault")}
                    autoComplete="off"
                    spellCheck={false}
                    className="font-mono"
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
