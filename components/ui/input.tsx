import type { ComponentProps } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400";
const normal = "border-slate-300 dark:border-slate-600";
const invalid = "border-red-600 dark:border-red-400";

export function Input({ className, ...props }: ComponentProps<"input">) {
  const isInvalid = props["aria-invalid"] === true || props["aria-invalid"] === "true";
  return <input className={cn(control, "h-10", isInvalid ? invalid : normal, className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  const isInvalid = props["aria-invalid"] === true || props["aria-invalid"] === "true";
  return <select className={cn(control, "h-10 pr-8", isInvalid ? invalid : normal, className)} {...props} />;
}
