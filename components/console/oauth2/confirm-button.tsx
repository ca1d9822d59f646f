"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import type { OAuth2FormState } from "@/app/console/projects/[projectId]/oauth2/errors";

export interface ConfirmButtonProps<R> {
  action: () => Promise<OAuth2FormState<R>>;
  label: string;
  /** Accessible name when the visible label is ambiguous (a row of a table). */
  ariaLabel?: string;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  /** Announced in the status region on success (omit when onDone shows something itself). */
  doneMessage?: string;
  onDone?: (result: R) => void;
  variant?: ButtonVariant;
  tone?: "default" | "danger";
  testId?: string;
}

/** An action behind a confirmation dialog that names what happens (rotate, delete, revoke). */
export function ConfirmButton<R>(props: ConfirmButtonProps<R>) {
  const t = useTranslations("oauth2Console");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const danger = (props.tone ?? "danger") === "danger";

  function confirm() {
    startTransition(async () => {
      // An action that redirects (delete) never hands back a state: the navigation takes over.
      const state: OAuth2FormState<R> | undefined = await props.action();
      if (!state) return;
      if (state.formError || !state.result) {
        setError([t(`errors.${state.formError ?? "invalid"}`), state.detail].filter(Boolean).join(" — "));
        return;
      }
      setOpen(false);
      if (props.doneMessage) toast.show(props.doneMessage);
      props.onDone?.(state.result);
    });
  }

  return (
    <>
      <Button variant={props.variant ?? "secondary"} size="sm" onClick={() => { setError(undefined); setOpen(true); }} aria-label={props.ariaLabel} data-testid={props.testId}>
        {props.label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} tone={danger ? "danger" : "default"} title={props.title} description={props.description}>
        <div className="space-y-4">
          <FormError message={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} data-autofocus>{t("cancel")}</Button>
            <Button variant={danger ? "danger" : "primary"} onClick={confirm} disabled={pending} aria-disabled={pending || undefined}>
              {pending ? props.pendingLabel : props.confirmLabel}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
