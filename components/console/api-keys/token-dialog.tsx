"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Icon } from "../icons";
import { SecretField } from "../secret-field";

/** Shows a new API key exactly once, with a copy button and a warning that it cannot be shown again. */
export function TokenDialog({ open, name, token, onClose }: { open: boolean; name: string; token: string; onClose: () => void }) {
  const t = useTranslations("console.apiKeys");
  return (
    <Dialog open={open} onClose={onClose} title={t("createdTitle", { name })} initiallyOpenWithoutScript>
      <div className="space-y-4">
        <div role="note" className="flex gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <Icon name="warning" className="h-5 w-5 shrink-0" />
          <p>{t("onceWarning")}</p>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="new-api-key" className="block text-sm font-medium">
            {t("tokenLabel")}
          </label>
          <SecretField id="new-api-key" value={token} copyLabel={t("copyToken")} />
        </div>
        <div className="flex justify-end">
          <form method="dialog">
            <Button type="submit" variant="primary">
              {t("done")}
            </Button>
          </form>
        </div>
      </div>
    </Dialog>
  );
}
