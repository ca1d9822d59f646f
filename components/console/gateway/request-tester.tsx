"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/app/_lib/form-state";
import type { Explanation } from "@/lib/gateway";

type Action = (state: FormState<Explanation>, form: FormData) => Promise<FormState<Explanation>>;

const inputClass = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-700 dark:bg-slate-950";

/** Runs a described request through the rules without forwarding it: the matched rule and every handler's verdict. */
export function RequestTester({ action }: { action: Action }) {
  const t = useTranslations("gateway.tester");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const result = state.result;
  return (
    <div className="space-y-4">
      <form action={formAction} noValidate className="grid gap-3 sm:grid-cols-[8rem_1fr]">
        <label className="text-sm font-medium" htmlFor="tester-method">{t("method")}</label>
        <input id="tester-method" name="method" defaultValue={state.values?.method ?? "GET"} className={inputClass} />
        <label className="text-sm font-medium" htmlFor="tester-url">{t("url")}</label>
        <input id="tester-url" name="url" required defaultValue={state.values?.url} placeholder="https://app.example.com/orders" className={inputClass} />
        <label className="text-sm font-medium" htmlFor="tester-headers">{t("headers")}</label>
        <textarea id="tester-headers" name="headers" rows={3} defaultValue={state.values?.headers} placeholder="Authorization: Bearer ory_st_…" className={inputClass} />
        <div className="sm:col-start-2"><SubmitButton pendingLabel={t("testing")}>{t("submit")}</SubmitButton></div>
      </form>
      <FormError message={state.formError ? te(state.formError) : undefined} />
      {result ? (
        <div role="status" className="space-y-2" data-testid="tester-result">
          <p className={result.allowed ? "font-semibold text-green-700 dark:text-green-400" : "font-semibold text-red-700 dark:text-red-400"}>
            {result.allowed ? t("allowed", { status: result.status }) : t("denied", { status: result.status })} · {t("rule")} <code className="font-mono">{result.rule_id ?? "—"}</code>
          </p>
          <ol className="space-y-1 border-l-2 border-slate-300 pl-3 text-sm dark:border-slate-700">
            {result.verdicts.map((v, i) => (
              <li key={i}>
                <span className="text-slate-500">{v.stage}</span> <code className="font-mono">{v.handler}</code> → <strong>{v.outcome}</strong>
                {v.detail ? <span className="text-slate-600 dark:text-slate-400"> ({v.detail})</span> : null}
              </li>
            ))}
          </ol>
          {Object.keys(result.headers).length ? (
            <pre className="overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-900">{Object.entries(result.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}</pre>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
