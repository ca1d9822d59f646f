"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import type { FormState } from "@/app/_lib/form-state";

type Action = (state: FormState<{ revoked: boolean }>, form: FormData) => Promise<FormState<{ revoked: boolean }>>;

/**
 * Revoke with confirmation: the dialog names the key and says what breaks. The confirmation is announced
 * through the console's status region, since the row (and this button) disappears with the key.
 */
export function RevokeKeyButton({ action, keyId, name, prefix }: { action: Action; keyId: string; name: string; prefix: string }) {
  const t = useTranslations("console.apiKeys");
  const te = useTranslations("errors");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function confirm() {
    const form = new FormData();
    form.set("keyId", keyId);
    startTransition(async () => {
      const state = await action({}, form);
      if (state.result?.revoked) {
        setOpen(false);
        toast.show(t("revoked", { name }));
        document.getElementById("main")?.focus();
      } else {
        setError(state.formError ?? "invalid");
      }
    });
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => { setError(undefined); setOpen(true); }} aria-label={t("revokeNamed", { name })}>
        {t("revoke")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} tone="danger" title={t("revokeTitle", { name })} description={t("revokeDescription", { prefix })}>
        <div className="space-y-4">
          <FormError message={error ? te(error) : undefined} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} data-autofocus>
              {t("cancel")}
            </Button>
            <Button variant="danger" onClick={confirm} disabled={pending} aria-disabled={pending || undefined}>
              {pending ? t("revoking") : t("confirmRevoke")}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
