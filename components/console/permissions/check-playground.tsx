"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/app/_lib/form-state";
import type { CheckExplanation } from "@/app/console/projects/[projectId]/permissions/actions";
import { TraceTree } from "./trace-tree";

type Action = (state: FormState<CheckExplanation>, form: FormData) => Promise<FormState<CheckExplanation>>;

/** Asks `namespace:object#relation@subject` and shows why: the granting path, or the whole evaluated graph. */
export function CheckPlayground({ action }: { action: Action }) {
  const t = useTranslations("permissions.check");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const result = state.result;
  return (
    <div className="space-y-4">
      <form action={formAction} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <Field name="tuple" idPrefix="check" label={t("tupleLabel")} hint={t("tupleHint")} error={state.fieldErrors?.tuple ? t("invalidTuple") : undefined}>
            {(control) => <Input {...control} required defaultValue={state.values?.tuple} placeholder="File:readme#view@User:alice" className="font-mono" />}
          </Field>
        </div>
        <div className="w-28">
          <Field name="depth" idPrefix="check" label={t("depthLabel")}>
            {(control) => <Input {...control} inputMode="numeric" defaultValue={state.values?.depth} />}
          </Field>
        </div>
        <SubmitButton className="sm:mt-[1.625rem]" pendingLabel={t("checking")}>{t("submit")}</SubmitButton>
      </form>
      <FormError message={state.formError ? te(state.formError) : undefined} />
      {result ? (
        <div role="status" className="space-y-3" data-testid="check-result">
          <p className={result.allowed ? "font-semibold text-green-700 dark:text-green-400" : "font-semibold text-red-700 dark:text-red-400"}>
            {result.allowed ? t("allowed") : result.membership === "unknown" ? t("unknown") : t("denied")}
          </p>
          {result.allowed ? (
            <div>
              <h3 className="text-sm font-medium">{t("why")}</h3>
              <ol className="mt-1 space-y-1 border-l-2 border-green-500 pl-3 font-mono text-xs" data-testid="grant-path">
                {result.path.map((step, i) => <li key={i}><span className="text-slate-500">{step.kind}</span> {step.label}</li>)}
              </ol>
            </div>
          ) : (
            <h3 className="text-sm font-medium">{t("whyNot")}</h3>
          )}
          {result.trace ? (
            <details open={!result.allowed}>
              <summary className="cursor-pointer text-sm">{t("graph")}</summary>
              <TraceTree node={result.trace} />
            </details>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
