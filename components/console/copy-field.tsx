import { CopyButton } from "@/components/ui/copy-button";

/** A read-only value in monospace with a copy button (URLs, ids). */
export function CopyField({ value, copyLabel, testId }: { value: string; copyLabel: string; testId?: string }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <code data-testid={testId} className="min-w-0 flex-1 truncate rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-950">
        {value}
      </code>
      <CopyButton value={value} label={copyLabel} />
    </div>
  );
}
