"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { CLIENT_PRESETS, presetUsesRedirects, type ClientPreset } from "@/lib/oauth2-console/presets";
import type { ClientSaved } from "@/app/console/projects/[projectId]/oauth2/clients/actions";
import type { OAuth2FormState } from "@/app/console/projects/[projectId]/oauth2/errors";
import { SecretDialog } from "./secret-dialog";
import { TextArea } from "./text-area";

type Action = (state: OAuth2FormState<ClientSaved>, form: FormData) => Promise<OAuth2FormState<ClientSaved>>;

/** New client from a preset (web app, SPA, native app, machine); a generated secret is shown once, then the client opens. */
export function CreateClientForm({ action, clientsPath }: { action: Action; clientsPath: string }) {
  const t = useTranslations("oauth2Console.create");
  const tp = useTranslations("oauth2Console.presets");
  const te = useTranslations("oauth2Console.errors");
  const router = useRouter();
  const [state, formAction] = useActionState(action, {});
  const [preset, setPreset] = useState<ClientPreset>((state.values?.preset as ClientPreset) || "web");
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.submittedAt, Boolean(state.fieldErrors));
  const created = state.result;
  const clientPath = created ? `${clientsPath}/${encodeURIComponent(created.clientId)}?created=1` : "";

  useEffect(() => {
    if (created && !created.secret) router.push(clientPath);
  }, [created, clientPath, router]);

  const error = (key: string) => (state.fieldErrors?.[key] ? te(state.fieldErrors[key]) : undefined);
  const formError = state.formError ? [te(state.formError), state.detail].filter(Boolean).join(" — ") : undefined;

  return (
    <>
      <form ref={form} action={formAction} noValidate className="space-y-6" data-testid="create-client-form">
        <FormError message={formError} />
        <fieldset>
          <legend className="mb-3 text-sm font-medium text-slate-800 dark:text-slate-200">{t("presetLegend")}</legend>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
            {CLIENT_PRESETS.map((id) => (
              <label
                key={id}
                className={cn(
                  "flex cursor-pointer gap-3 rounded-lg border p-4 text-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500",
                  preset === id ? "border-brand-600 bg-brand-50 dark:border-brand-500 dark:bg-brand-900/40" : "border-slate-300 hover:border-slate-400 dark:border-slate-700 dark:hover:border-slate-500",
                )}
              >
                <input type="radio" name="preset" value={id} checked={preset === id} onChange={() => setPreset(id)} className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600" aria-describedby={`preset-${id}-hint`} />
                <span className="min-w-0">
                  <span className="block font-semibold">{tp(`${id}.title`)}</span>
                  <span id={`preset-${id}-hint`} className="mt-1 block text-slate-600 dark:text-slate-400">{tp(`${id}.description`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Field name="client_name" idPrefix="client" label={t("name")} hint={t("nameHint")} error={error("client_name")}>
            {(control) => <Input {...control} required maxLength={200} defaultValue={state.values?.client_name} />}
          </Field>
          <Field name="scope" idPrefix="client" label={t("scope")} hint={t(preset === "machine" ? "scopeHintMachine" : "scopeHint")} error={error("scope")}>
            {(control) => <Input {...control} defaultValue={state.values?.scope} placeholder={preset === "machine" ? "orders.read orders.write" : "openid offline_access profile email"} className="font-mono" />}
          </Field>
        </div>
        {presetUsesRedirects(preset) ? (
          <Field name="redirect_uris" idPrefix="client" label={t("redirectUris")} hint={t(preset === "native" ? "redirectHintNative" : "redirectHint")} error={error("redirect_uris")}>
            {(control) => <TextArea {...control} required rows={3} defaultValue={state.values?.redirect_uris} placeholder={preset === "native" ? "com.example.app:/callback\nhttp://127.0.0.1/callback" : "https://app.example.com/callback"} />}
          </Field>
        ) : null}
        <div className="flex justify-end">
          <SubmitButton pendingLabel={t("creating")}>{t("submit")}</SubmitButton>
        </div>
      </form>
      {created?.secret ? <SecretDialog title={t("createdTitle")} clientId={created.clientId} secret={created.secret} onClose={() => router.push(clientPath)} /> : null}
    </>
  );
}
