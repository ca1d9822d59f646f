"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { DialogDone, ShownOnceNote } from "../shown-once";
import { SecretField } from "../secret-field";

/** Shows a client secret exactly once (after create or rotate), with a copy button and the client id beside it. */
export function SecretDialog({ clientId, secret, onClose, title }: { clientId: string; secret: string; onClose: () => void; title: string }) {
  const t = useTranslations("oauth2Console.secret");
  return (
    <Dialog open onClose={onClose} title={title} initiallyOpenWithoutScript>
      <div className="space-y-4">
        <ShownOnceNote>{t("onceWarning")}</ShownOnceNote>
        <dl className="space-y-3">
          <div className="space-y-1.5">
            <dt className="text-sm font-medium">{t("clientId")}</dt>
            <dd className="flex items-center gap-2">
              <code className="min-w-0 flex-1 truncate rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-950">{clientId}</code>
              <CopyButton value={clientId} label={t("copyClientId")} />
            </dd>
          </div>
          <div className="space-y-1.5">
            <dt>
              <label htmlFor="new-client-secret" className="text-sm font-medium">{t("secret")}</label>
            </dt>
            <dd>
              <SecretField id="new-client-secret" value={secret} copyLabel={t("copySecret")} />
            </dd>
          </div>
        </dl>
        <DialogDone label={t("done")} />
      </div>
    </Dialog>
  );
}
