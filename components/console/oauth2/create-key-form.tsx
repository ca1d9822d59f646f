"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { useSavedToast } from "@/components/console/identities/use-saved-toast";
import type { OAuth2FormState } from "@/app/console/projects/[projectId]/oauth2/errors";

type Action = (state: OAuth2FormState<{ kid: string }>, form: FormData) => Promise<OAuth2FormState<{ kid: string }>>;

const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"] as const;

/** Generates a key in a set (the set is created with its first key); the private part never leaves the server. */
export function CreateKeyForm({ action, sets }: { action: Action; sets: string[] }) {
  const t = useTranslations("oauth2Console.keys");
  const te = useTranslations("oauth2Console.errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.submittedAt, Boolean(state.fieldErrors));
  useSavedToast(Boolean(state.result), state.submittedAt, t("created", { kid: state.result?.kid ?? "" }));
  const error = (key: string) => (state.fieldErrors?.[key] ? te(state.fieldErrors[key]) : undefined);
  return (
    <form ref={form} action={formAction} noValidate className="space-y-4" data-testid="create-key-form">
      <FormError message={state.formError ? [te(state.formError), state.detail].filter(Boolean).join(" — ") : undefined} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
        <Field name="set" idPrefix="key" label={t("set")} hint={t("setHint")} error={error("set")}>
          {(control) => (
            <>
              <Input {...control} list="key-set-names" defaultValue={state.values?.set ?? "hydra.openid.id-token"} className="font-mono" />
              <datalist id="key-set-names">{sets.map((set) => <option key={set} value={set} />)}</datalist>
            </>
          )}
        </Field>
        <Field name="alg" idPrefix="key" label={t("alg")} error={error("alg")}>
          {(control) => <Select {...control} defaultValue={state.values?.alg ?? "RS256"}>{ALGORITHMS.map((alg) => <option key={alg}>{alg}</option>)}</Select>}
        </Field>
        <Field name="use" idPrefix="key" label={t("use")} error={error("use")}>
          {(control) => (
            <Select {...control} defaultValue={state.values?.use ?? "sig"}>
              <option value="sig">{t("uses.sig")}</option>
              <option value="enc">{t("uses.enc")}</option>
            </Select>
          )}
        </Field>
        <SubmitButton className="sm:mt-[1.625rem]" pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
