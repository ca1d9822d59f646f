"use client";

import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import { DialogDone, LabelledSecret, ShownOnceNote } from "../shown-once";

/** Shows a new API key exactly once, with a copy button and a warning that it cannot be shown again. */
export function TokenDialog({ open, name, token, onClose }: { open: boolean; name: string; token: string; onClose: () => void }) {
  const t = useTranslations("console.apiKeys");
  return (
    <Dialog open={open} onClose={onClose} title={t("createdTitle", { name })} initiallyOpenWithoutScript>
      <div className="space-y-4">
        <ShownOnceNote>{t("onceWarning")}</ShownOnceNote>
        <LabelledSecret id="new-api-key" label={t("tokenLabel")} value={token} copyLabel={t("copyToken")} />
        <DialogDone label={t("done")} />
      </div>
    </Dialog>
  );
}
