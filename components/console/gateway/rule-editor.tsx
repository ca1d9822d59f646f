"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/app/_lib/form-state";
import type { RuleSaveResult } from "@/app/console/projects/[projectId]/gateway/actions";

type Action = (state: FormState<RuleSaveResult>, form: FormData) => Promise<FormState<RuleSaveResult>>;

/** A rule as Oathkeeper JSON; saving validates it completely and lists every issue with its path. */
export function RuleEditor({ action, example }: { action: Action; example: string }) {
  const t = useTranslations("gateway.editor");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-3">
      <label htmlFor="gateway-rule" className="block text-sm font-medium">{t("label")}</label>
      <textarea
        id="gateway-rule"
        name="rule"
        rows={16}
        spellCheck={false}
        defaultValue={state.values?.rule || example}
        aria-describedby="gateway-rule-issues"
        className="w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
      />
      <label className="block text-sm">
        {t("replaceLabel")}{" "}
        <input name="replace" defaultValue={state.values?.replace} className="rounded border border-slate-300 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-950" />
      </label>
      <div id="gateway-rule-issues" aria-live="polite">
        {state.result?.saved ? <p role="status" className="text-sm text-green-700 dark:text-green-400">{t("saved")}</p> : null}
        {state.result?.issues.length ? (
          <ul role="alert" className="list-disc space-y-1 pl-5 text-sm text-red-700 dark:text-red-400" data-testid="rule-issues">
            {state.result.issues.map((issue, i) => <li key={i}><code className="font-mono">{issue.path || t("document")}</code>: {issue.message}</li>)}
          </ul>
        ) : null}
      </div>
      <FormError message={state.formError ? te(state.formError) : undefined} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
