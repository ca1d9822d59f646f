"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { useSavedToast } from "@/components/console/identities/use-saved-toast";
import type { ClientSaved } from "@/app/console/projects/[projectId]/oauth2/clients/actions";
import type { OAuth2FormState } from "@/app/console/projects/[projectId]/oauth2/errors";
import { ClientAuthFields } from "./client-auth-fields";
import { OriginListField } from "./origin-list-field";
import { SecretDialog } from "./secret-dialog";
import { TextArea } from "./text-area";

type Action = (state: OAuth2FormState<ClientSaved>, form: FormData) => Promise<OAuth2FormState<ClientSaved>>;

export interface EditableClient {
  client_id: string;
  client_name: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  scope: string;
  audience: string[];
  grant_types: string[];
  token_endpoint_auth_method: string;
  skip_consent: boolean;
  frontchannel_logout_uri: string;
  backchannel_logout_uri: string;
  access_token_strategy: string;
  allowed_cors_origins: string[];
  /** The registered JWK Set as pretty JSON ("" when none). */
  jwks: string;
  jwks_uri: string;
}

const GRANTS = [
  ["authorization_code", "authorizationCode"],
  ["refresh_token", "refreshToken"],
  ["client_credentials", "clientCredentials"],
  ["urn:ietf:params:oauth:grant-type:device_code", "deviceCode"],
] as const;

/** Everything an operator changes day to day; saved as one JSON Patch so other fields stay as they are. */
export function EditClientForm({ action, client }: { action: Action; client: EditableClient }) {
  const t = useTranslations("oauth2Console.edit");
  const te = useTranslations("oauth2Console.errors");
  const [state, formAction] = useActionState(action, {});
  const [secretFor, setSecretFor] = useState<number | undefined>();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.submittedAt, Boolean(state.fieldErrors));
  useSavedToast(Boolean(state.result), state.submittedAt, t("saved"));
  useEffect(() => {
    if (state.result?.secret) setSecretFor(state.submittedAt);
  }, [state.result, state.submittedAt]);

  const values = state.values;
  const text = (key: keyof EditableClient, fallback: string) => values?.[key] ?? fallback;
  const lines = (list: string[]) => list.join("\n");
  const grants = values ? values.grant_types.split(" ") : client.grant_types;
  const skipConsent = values ? values.skip_consent === "on" : client.skip_consent;
  const error = (key: string) => (state.fieldErrors?.[key] ? te(state.fieldErrors[key]) : undefined);
  const formError = state.formError ? [te(state.formError), state.detail].filter(Boolean).join(" — ") : undefined;
  const key = state.submittedAt ?? 0;
  const origins = values ? (values.allowed_cors_origins ?? "").split("\n").filter(Boolean) : client.allowed_cors_origins;
  const auth = {
    method: text("token_endpoint_auth_method", client.token_endpoint_auth_method),
    keySource: (values?.key_source ?? (client.jwks_uri ? "jwks_uri" : "jwks")) === "jwks_uri" ? ("jwks_uri" as const) : ("jwks" as const),
    jwks: text("jwks", client.jwks),
    jwksUri: text("jwks_uri", client.jwks_uri),
  };

  return (
    <>
      <form ref={form} action={formAction} noValidate className="space-y-8" data-testid="edit-client-form" key={values ? key : "initial"}>
        <FormError message={formError} />
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-semibold">{t("basics")}</legend>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Field name="client_name" idPrefix="edit" label={t("name")} error={error("client_name")}>
              {(control) => <Input {...control} required maxLength={200} defaultValue={text("client_name", client.client_name)} />}
            </Field>
            <Field name="scope" idPrefix="edit" label={t("scope")} hint={t("scopeHint")} error={error("scope")}>
              {(control) => <Input {...control} defaultValue={text("scope", client.scope)} className="font-mono" />}
            </Field>
            <Field name="redirect_uris" idPrefix="edit" label={t("redirectUris")} hint={t("listHint")} error={error("redirect_uris")}>
              {(control) => <TextArea {...control} rows={3} defaultValue={text("redirect_uris", lines(client.redirect_uris))} />}
            </Field>
            <Field name="post_logout_redirect_uris" idPrefix="edit" label={t("postLogoutUris")} hint={t("listHint")} error={error("post_logout_redirect_uris")}>
              {(control) => <TextArea {...control} rows={3} defaultValue={text("post_logout_redirect_uris", lines(client.post_logout_redirect_uris))} />}
            </Field>
            <Field name="audience" idPrefix="edit" label={t("audience")} hint={t("audienceHint")} error={error("audience")}>
              {(control) => <TextArea {...control} rows={2} defaultValue={text("audience", lines(client.audience))} />}
            </Field>
          </div>
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-semibold">{t("grantsTitle")}</legend>
          <fieldset aria-describedby={error("grant_types") ? "edit-grant_types-error" : undefined}>
            <legend className="mb-2 text-sm font-medium text-slate-800 dark:text-slate-200">{t("grantTypes")}</legend>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
              {GRANTS.map(([value, label]) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="grant_types" value={value} defaultChecked={grants.includes(value)} aria-invalid={error("grant_types") ? true : undefined} className="h-4 w-4 accent-brand-600" />
                  <span>{t(`grants.${label}`)} <code className="font-mono text-xs text-slate-500 dark:text-slate-400">{value.replace("urn:ietf:params:oauth:grant-type:", "")}</code></span>
                </label>
              ))}
            </div>
          </fieldset>
          {error("grant_types") ? <p id="edit-grant_types-error" className="text-sm font-medium text-red-700 dark:text-red-400">{error("grant_types")}</p> : null}
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Field name="access_token_strategy" idPrefix="edit" label={t("tokenFormat")} hint={t("tokenFormatHint")} error={error("access_token_strategy")}>
              {(control) => (
                <Select {...control} defaultValue={text("access_token_strategy", client.access_token_strategy)}>
                  <option value="">{t("tokenFormats.default")}</option>
                  <option value="jwt">{t("tokenFormats.jwt")}</option>
                  <option value="opaque">{t("tokenFormats.opaque")}</option>
                </Select>
              )}
            </Field>
          </div>
          <div className="flex items-start gap-3">
            <input id="edit-skip_consent" name="skip_consent" type="checkbox" defaultChecked={skipConsent} aria-describedby="edit-skip_consent-hint" className="mt-1 h-4 w-4 accent-brand-600" />
            <div>
              <label htmlFor="edit-skip_consent" className="text-sm font-medium">{t("skipConsent")}</label>
              <p id="edit-skip_consent-hint" className="text-xs text-slate-600 dark:text-slate-400">{t("skipConsentHint")}</p>
            </div>
          </div>
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-semibold">{t("authTitle")}</legend>
          <ClientAuthFields initial={auth} error={error} />
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-semibold">{t("cors.title")}</legend>
          <OriginListField initial={origins} error={error("allowed_cors_origins")} />
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-semibold">{t("logoutTitle")}</legend>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Field name="frontchannel_logout_uri" idPrefix="edit" label={t("frontChannel")} hint={t("frontChannelHint")} error={error("frontchannel_logout_uri")}>
              {(control) => <Input {...control} type="url" defaultValue={text("frontchannel_logout_uri", client.frontchannel_logout_uri)} placeholder="https://app.example.com/logout" className="font-mono" />}
            </Field>
            <Field name="backchannel_logout_uri" idPrefix="edit" label={t("backChannel")} hint={t("backChannelHint")} error={error("backchannel_logout_uri")}>
              {(control) => <Input {...control} type="url" defaultValue={text("backchannel_logout_uri", client.backchannel_logout_uri)} placeholder="https://api.example.com/backchannel-logout" className="font-mono" />}
            </Field>
          </div>
        </fieldset>
        <div className="flex justify-end">
          <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
        </div>
      </form>
      {state.result?.secret && secretFor === state.submittedAt ? (
        <SecretDialog title={t("secretIssuedTitle")} clientId={client.client_id} secret={state.result.secret} onClose={() => setSecretFor(-1)} />
      ) : null}
    </>
  );
}
