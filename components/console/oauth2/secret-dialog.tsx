"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Icon } from "../icons";
import { SecretField } from "../secret-field";

/** Shows a client secret exactly once (after create or rotate), with a copy button and the client id beside it. */
export function SecretDialog({ clientId, secret, onClose, title }: { clientId: string; secret: string; onClose: () => void; title: string }) {
  const t = useTranslations("oauth2Console.secret");
  return (
    <Dialog open onClose={onClose} title={title} initiallyOpenWithoutScript>
      <div className="space-y-4">
        <div role="note" className="flex gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <Icon name="warning" className="h-5 w-5 shrink-0" />
          <p>{t("onceWarning")}</p>
        </div>
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
        <div className="flex justify-end">
          <form method="dialog">
            <Button type="submit" variant="primary">{t("done")}</Button>
          </form>
        </div>
      </div>
    </Dialog>
  );
}
