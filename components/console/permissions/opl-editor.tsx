"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/app/_lib/form-state";
import type { OplResult } from "@/app/console/projects/[projectId]/permissions/actions";
import type { OplError } from "@/lib/permissions/opl/ast";
import type { StarterModel } from "@/lib/permissions-console/starters";
import { StarterPicker } from "./starter-picker";

type Action = (state: FormState<OplResult>, form: FormData) => Promise<FormState<OplResult>>;

/** The namespace (OPL) editor: line numbers, and syntax and reference errors shown at their lines. */
export function OplEditor({ action, initial, storedErrors, starters }: { action: Action; initial: string; storedErrors: OplError[]; starters: readonly StarterModel[] }) {
  const t = useTranslations("permissions.opl");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const [text, setText] = useState(initial);
  const errors = state.result?.errors ?? storedErrors;
  const errorLines = new Set(errors.map((e) => e.start.Line));
  const lines = text.split("\n");

  return (
    <form action={formAction} className="space-y-3">
      <FormError message={state.formError ? te(state.formError) : undefined} />
      {text.trim() === "" ? <StarterPicker starters={starters} onPick={setText} /> : null}
      <div className="flex overflow-hidden rounded-md border border-slate-300 font-mono text-xs dark:border-slate-700">
        <ol aria-hidden="true" className="select-none bg-slate-50 px-2 py-2 text-right text-slate-400 dark:bg-slate-900">
          {lines.map((_, i) => (
            <li key={i} className={errorLines.has(i + 1) ? "bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300" : undefined}>{i + 1}</li>
          ))}
        </ol>
        <textarea
          name="opl"
          aria-label={t("label")}
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length ? "opl-errors" : undefined}
          spellCheck={false}
          rows={Math.max(12, lines.length + 1)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="w-full resize-y whitespace-pre bg-white px-3 py-2 leading-[inherit] outline-none dark:bg-slate-950"
        />
      </div>
      {errors.length > 0 ? (
        <ul id="opl-errors" role="alert" className="space-y-1 text-sm text-red-700 dark:text-red-400" data-testid="opl-errors">
          {errors.map((e, i) => (
            <li key={i}>{t("errorAt", { line: e.start.Line, column: e.start.column })}: {e.message}</li>
          ))}
        </ul>
      ) : state.result?.saved ? (
        <p role="status" className="text-sm text-green-700 dark:text-green-400">{t("saved")}</p>
      ) : null}
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
