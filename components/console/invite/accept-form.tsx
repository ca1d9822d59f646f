"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/app/_lib/form-state";

type Action = (state: FormState) => Promise<FormState>;

/** One button: the signed-in user accepts. A refusal (already a member, the link just expired) is announced. */
export function AcceptForm({ action }: { action: Action }) {
  const t = useTranslations("console.invitation");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      <FormError message={state.formError ? te(state.formError) : undefined} />
      <SubmitButton className="w-full" pendingLabel={t("accepting")}>
        {t("accept")}
      </SubmitButton>
    </form>
  );
}
