"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { useSavedToast } from "@/components/console/identities/use-saved-toast";
import type { OAuth2SettingsForm as Settings } from "@/lib/oauth2-console/settings-form";
import type { OAuth2FormState } from "@/app/console/projects/[projectId]/oauth2/errors";

type Result = { saved: boolean; revisionId: string };
type Action = (state: OAuth2FormState<Result>, form: FormData) => Promise<OAuth2FormState<Result>>;

const TTLS = ["accessTokenTtl", "refreshTokenTtl", "idTokenTtl", "authCodeTtl"] as const;
const URLS = ["loginUrl", "consentUrl", "logoutUrl"] as const;

/** Token format, lifespans and the login/consent/logout UI URLs; saved against the revision the page showed. */
export function OAuth2SettingsForm({ action, current, revisionId }: { action: Action; current: Settings; revisionId: string }) {
  const t = useTranslations("oauth2Console.settings");
  const te = useTranslations("oauth2Console.errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.submittedAt, Boolean(state.fieldErrors));
  useSavedToast(state.result?.saved, state.submittedAt, t("saved"));
  const value = (key: keyof Settings) => state.values?.[key] ?? current[key];
  const error = (key: string) => (state.fieldErrors?.[key] ? te(state.fieldErrors[key]) : undefined);

  return (
    <form ref={form} action={formAction} noValidate className="space-y-8" data-testid="oauth2-settings-form">
      <input type="hidden" name="revisionId" value={state.result?.revisionId ?? revisionId} />
      <FormError message={state.formError ? [te(state.formError), state.detail].filter(Boolean).join(" — ") : undefined} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("tokensTitle")}</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field name="accessTokenStrategy" idPrefix="oauth2-settings" label={t("accessTokenStrategy.label")} hint={t("accessTokenStrategy.hint")} error={error("accessTokenStrategy")}>
            {(control) => (
              <Select {...control} defaultValue={value("accessTokenStrategy")}>
                <option value="opaque">{t("accessTokenStrategy.opaque")}</option>
                <option value="jwt">{t("accessTokenStrategy.jwt")}</option>
              </Select>
            )}
          </Field>
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {TTLS.map((key) => (
            <Field key={key} name={key} idPrefix="oauth2-settings" label={t(`${key}.label`)} hint={t(`${key}.hint`)} error={error(key)}>
              {(control) => <Input {...control} required defaultValue={value(key)} className="font-mono" />}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-1 text-base font-semibold">{t("urlsTitle")}</legend>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("urlsDescription")}</p>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          {URLS.map((key) => (
            <Field key={key} name={key} idPrefix="oauth2-settings" label={t(`${key}.label`)} error={error(key)}>
              {(control) => <Input {...control} required defaultValue={value(key)} className="font-mono" />}
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
