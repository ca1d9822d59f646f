"use client";

import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { CopyField } from "@/components/console/copy-field";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";

export interface RecoveryLinkResult {
  formError?: string;
  detail?: string;
  link?: string;
  code?: string;
  expiresAt?: string;
}

/**
 * Creates a recovery link (and code) for the identity, as Ory's admin `createRecoveryCodeForIdentity` does,
 * and shows it once so an operator can hand it over through a channel they trust.
 */
export function RecoveryLinkButton({ action }: { action: () => Promise<RecoveryLinkResult> }) {
  const t = useTranslations("identities.recovery");
  const te = useTranslations("identities.errors");
  const format = useFormatter();
  const [result, setResult] = useState<RecoveryLinkResult | undefined>();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function create() {
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome);
      setOpen(true);
    });
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={create} disabled={pending} aria-disabled={pending || undefined} data-testid="create-recovery-link">
        {pending ? t("creating") : t("create")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("title")} description={result?.link ? t("description") : undefined}>
        <div className="space-y-4">
          <FormError message={result?.formError ? [te(result.formError), result.detail].filter(Boolean).join(" — ") : undefined} />
          {result?.link ? (
            <div className="space-y-3">
              <CopyField value={result.link} copyLabel={t("copyLink")} testId="recovery-link" />
              {result.code ? (
                <p className="text-sm">
                  {t("code")} <code className="font-mono font-semibold">{result.code}</code>
                </p>
              ) : null}
              {result.expiresAt ? <p className="text-xs text-slate-600 dark:text-slate-400">{t("expires", { date: format.dateTime(new Date(result.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}</p> : null}
            </div>
          ) : null}
          <div className="flex justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
              {t("close")}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
