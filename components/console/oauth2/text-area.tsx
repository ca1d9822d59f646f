import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

/** A multi-line control styled like Input (lists of URIs, one per line). */
export function TextArea({ className, ...props }: ComponentProps<"textarea">) {
  const invalid = props["aria-invalid"] === true || props["aria-invalid"] === "true";
  return (
    <textarea
      className={cn(
        "block w-full rounded-md border bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400",
        invalid ? "border-red-600 dark:border-red-400" : "border-slate-300 dark:border-slate-600",
        className,
      )}
      {...props}
    />
  );
}
