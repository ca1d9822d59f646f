"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** A secret shown once: a read-only, focused, select-on-focus input with a copy button. */
export function SecretField({ id, value, copyLabel }: { id: string; value: string; copyLabel: string }) {
  return (
    <div className="flex items-center gap-2">
      <input
        id={id}
        data-autofocus
        data-testid={id}
        readOnly
        value={value}
        onFocus={(event) => event.currentTarget.select()}
        className="h-10 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 font-mono text-sm dark:border-slate-600 dark:bg-slate-950"
      />
      <CopyButton value={value} label={copyLabel} />
    </div>
  );
}
