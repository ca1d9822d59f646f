"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OAuth2FormState } from "@/app/console/projects/[projectId]/oauth2/errors";
import type { TryResult } from "@/lib/oauth2-console/try-client-credentials";

type Action = (state: OAuth2FormState<TryResult>, form: FormData) => Promise<OAuth2FormState<TryResult>>;

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** client_credentials with a secret typed in (never echoed back); shows the token decoded, not the token. */
export function TryClientCredentials({ action, scope }: { action: Action; scope: string }) {
  const t = useTranslations("oauth2Console.try");
  const te = useTranslations("oauth2Console.errors");
  const [state, formAction] = useActionState(action, {});
  const result = state.result;
  const error = state.fieldErrors?.clientSecret ? te(state.fieldErrors.clientSecret) : undefined;
  return (
    <div className="space-y-4" data-testid="try-client-credentials">
      <form action={formAction} noValidate className="grid grid-cols-1 gap-4 lg:grid-cols-[1fr_1fr_auto] lg:items-start">
        <Field name="client_secret" idPrefix="try" label={t("secret")} hint={t("secretHint")} error={error}>
          {(control) => <Input {...control} type="password" autoComplete="off" required />}
        </Field>
        <Field name="scope" idPrefix="try" label={t("scope")}>
          {(control) => <Input {...control} defaultValue={state.values?.scope ?? scope} className="font-mono" />}
        </Field>
        <SubmitButton className="lg:mt-[1.625rem]" pendingLabel={t("requesting")}>{t("request")}</SubmitButton>
      </form>
      <FormError message={state.formError ? [te(state.formError), state.detail].filter(Boolean).join(" — ") : undefined} />
      {result && !result.ok ? <FormError message={t("failed", { error: result.error, description: result.description })} /> : null}
      {result?.ok ? (
        <div role="status" className="space-y-3" data-testid="token-result">
          <p className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
            {t("issued", { format: result.format === "jwt" ? "JWT" : t("opaque"), seconds: result.expiresIn })}
          </p>
          {result.header ? (
            <div>
              <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("header")}</p>
              <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-950">{json(result.header)}</pre>
            </div>
          ) : null}
          <div>
            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{result.format === "jwt" ? t("claims") : t("introspection")}</p>
            <pre data-testid="token-claims" className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-950">{json(result.claims)}</pre>
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("revokedNote")}</p>
        </div>
      ) : null}
    </div>
  );
}
