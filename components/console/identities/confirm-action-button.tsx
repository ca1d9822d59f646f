"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import type { IdentityFormState } from "@/app/console/projects/[projectId]/identities/actions";

export interface ConfirmActionButtonProps {
  action: () => Promise<IdentityFormState>;
  label: string;
  /** Accessible name when the visible label is ambiguous in a table row. */
  ariaLabel?: string;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  doneMessage: string;
  variant?: ButtonVariant;
  testId?: string;
}

/** A destructive action behind a confirmation dialog (delete identity, revoke sessions). */
export function ConfirmActionButton(props: ConfirmActionButtonProps) {
  const t = useTranslations("identities");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const state = await props.action();
      if (state.formError) {
        setError([t(`errors.${state.formError}`), state.detail].filter(Boolean).join(" — "));
        return;
      }
      setOpen(false);
      toast.show(props.doneMessage);
    });
  }

  return (
    <>
      <Button variant={props.variant ?? "secondary"} size="sm" onClick={() => { setError(undefined); setOpen(true); }} aria-label={props.ariaLabel} data-testid={props.testId}>
        {props.label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} tone="danger" title={props.title} description={props.description}>
        <div className="space-y-4">
          <FormError message={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
              {t("cancel")}
            </Button>
            <Button variant="danger" onClick={confirm} disabled={pending} aria-disabled={pending || undefined}>
              {pending ? props.pendingLabel : props.confirmLabel}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
