"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/app/_lib/form-state";
import type { InviteLink } from "@/app/console/workspaces/[workspaceId]/members/actions";
import { InviteLinkDialog } from "./invite-link-dialog";

type Action = (state: FormState<InviteLink>, form: FormData) => Promise<FormState<InviteLink>>;
type Role = InviteLink["role"];

/** Email and role; on success the link appears once in a dialog (and the email is queued). */
export function InviteForm({ action, roles }: { action: Action; roles: readonly Role[] }) {
  const t = useTranslations("console");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const [closedAt, setClosedAt] = useState<number | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  useFocusFirstError(form, state.submittedAt, Object.keys(errors).length > 0);
  const err = (field: string) => (errors[field] ? te(errors[field]) : undefined);

  useEffect(() => {
    if (state.result) form.current?.reset();
  }, [state.result, state.submittedAt]);
  const open = Boolean(state.result) && closedAt !== state.submittedAt;

  return (
    <>
      <form ref={form} action={formAction} noValidate className="space-y-4" aria-describedby="invite-form-hint">
        <FormError message={state.formError ? te(state.formError) : undefined} />
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <Field name="email" idPrefix="invite" label={t("invites.emailLabel")} error={err("email")}>
            {(control) => <Input {...control} type="email" autoComplete="off" required maxLength={320} defaultValue={state.result ? "" : state.values?.email} />}
          </Field>
          <Field name="role" idPrefix="invite" label={t("invites.roleLabel")} error={err("role")}>
            {(control) => (
              <Select {...control} defaultValue={state.values?.role || "developer"}>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <p id="invite-form-hint" className="text-xs text-slate-600 dark:text-slate-400">{t("invites.roleHint")}</p>
        <SubmitButton pendingLabel={t("invites.inviting")}>{t("invites.invite")}</SubmitButton>
      </form>
      {/* Unmounted once closed, so the link does not linger in the page. */}
      {state.result && open ? (
        <InviteLinkDialog
          invite={state.result}
          onClose={() => {
            setClosedAt(state.submittedAt);
            document.getElementById("invite-email")?.focus();
          }}
        />
      ) : null}
    </>
  );
}
