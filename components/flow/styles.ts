/**
 * Class names of the hosted pages. Every colour, radius and font is a CSS custom property set by the
 * project's branding (lib/branding/css.ts) on the page root, so one set of classes serves every theme.
 */
export const flowStyles = {
  label: "block text-sm font-medium text-(--pc-text)",
  input:
    "block h-11 w-full rounded-(--pc-radius) border border-(--pc-border) bg-(--pc-input-bg) px-3 text-base text-(--pc-text) shadow-xs motion-safe:transition-colors placeholder:text-(--pc-muted) focus-visible:border-(--pc-primary) focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-(--pc-primary) disabled:opacity-60 aria-invalid:border-(--pc-error) sm:text-sm",
  checkbox:
    "mt-0.5 h-4 w-4 shrink-0 rounded-[min(var(--pc-radius),4px)] border-(--pc-border) accent-(--pc-primary) focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-(--pc-primary)",
  // min-h, not h: a long label (an email address on the account chooser) wraps instead of overflowing.
  primaryButton:
    "inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-(--pc-radius) bg-(--pc-primary) px-4 py-2 text-center text-sm font-semibold text-(--pc-on-primary) shadow-sm motion-safe:transition-colors hover:bg-(--pc-primary-hover) focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-(--pc-primary) disabled:cursor-not-allowed disabled:opacity-60",
  secondaryButton:
    "inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-(--pc-radius) border border-(--pc-border) bg-(--pc-surface) px-4 py-2 text-center text-sm font-medium text-(--pc-text) motion-safe:transition-colors hover:bg-(--pc-input-bg) focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-(--pc-primary) disabled:cursor-not-allowed disabled:opacity-60",
  link: "font-medium text-(--pc-primary) underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-(--pc-primary)",
  fieldError: "text-sm text-(--pc-error)",
  fieldInfo: "text-sm text-(--pc-muted)",
  message: {
    error: "border-(--pc-error) bg-(--pc-error-bg) text-(--pc-text)",
    success: "border-(--pc-success) bg-(--pc-success-bg) text-(--pc-text)",
    info: "border-(--pc-info) bg-(--pc-info-bg) text-(--pc-text)",
  },
} as const;
