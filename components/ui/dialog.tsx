"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useScripted } from "./use-scripted";

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** Tone of the title bar: "danger" for destructive confirmations. */
  tone?: "default" | "danger";
  /** Render open in the page flow when scripts are unavailable (server-rendered results). */
  initiallyOpenWithoutScript?: boolean;
}

/**
 * A modal dialog on the native <dialog> element: it traps focus, closes on Escape, and on closing moves focus
 * back to the element that opened it.
 */
export function Dialog({ open, onClose, title, description, children, tone = "default", initiallyOpenWithoutScript }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Until scripts run, an open dialog is rendered in the page flow (the `open` attribute); after that, only
  // showModal() opens it, so focus is trapped and the rest of the page is inert.
  const scripted = useScripted();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!scripted) return;
    if (open && !dialog.matches(":modal")) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (dialog.open) dialog.close();
      dialog.showModal();
      // showModal() focuses the first focusable element; a `data-autofocus` element takes precedence.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, scripted]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const handleClose = () => {
      // A close event queued before the dialog was (re)opened as a modal is stale.
      if (dialog.open) return;
      // Back to the opener; when it is gone (a revoked row), to the page's main region.
      const target = opener.current?.isConnected ? opener.current : document.getElementById("main");
      target?.focus();
      onClose();
    };
    dialog.addEventListener("close", handleClose);
    return () => dialog.removeEventListener("close", handleClose);
  }, [onClose]);

  return (
    <dialog
      ref={ref}
      open={!scripted && initiallyOpenWithoutScript && open ? true : undefined}
      // The `open` the owner asked for: Escape closes the element at once but tells the owner only with the
      // `close` event a task later, and until then a click on the opener (setOpen(true)) changes nothing.
      data-open={open ? "true" : "false"}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="px-5 pt-5">
        <h2 id={titleId} className={tone === "danger" ? "text-lg font-semibold text-red-700 dark:text-red-400" : "text-lg font-semibold"}>
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {description}
          </div>
        ) : null}
      </div>
      <div className="px-5 pb-5 pt-4">{children}</div>
    </dialog>
  );
}
