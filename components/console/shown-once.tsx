"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "./icons";
import { SecretField } from "./secret-field";

/** The parts of a dialog that shows a secret once (API key, client secret, invitation link). */

/** The warning that the secret cannot be shown again. */
export function ShownOnceNote({ children }: { children: ReactNode }) {
  return (
    <div role="note" className="flex gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <Icon name="warning" className="h-5 w-5 shrink-0" />
      <p>{children}</p>
    </div>
  );
}

/** The secret with its visible label and a copy button. */
export function LabelledSecret({ id, label, value, copyLabel }: { id: string; label: string; value: string; copyLabel: string }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <SecretField id={id} value={value} copyLabel={copyLabel} />
    </div>
  );
}

/** Closes the dialog it stands in (a `method="dialog"` form: works before scripts run too). */
export function DialogDone({ label }: { label: string }) {
  return (
    <div className="flex justify-end">
      <form method="dialog">
        <Button type="submit" variant="primary">
          {label}
        </Button>
      </form>
    </div>
  );
}
