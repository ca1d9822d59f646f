"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { useToast } from "./toast";

/** Copies a value to the clipboard and confirms it through the status region. */
export function CopyButton({ value, label, variant = "secondary", size = "sm" }: { value: string; label?: string; variant?: ButtonVariant; size?: ButtonSize }) {
  const t = useTranslations("common");
  const toast = useToast();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Fallback for contexts without the async clipboard (plain http on a non-localhost host).
      const area = document.createElement("textarea");
      area.value = value;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    setCopied(true);
    toast.show(t("copied"));
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <Button variant={variant} size={size} onClick={copy} aria-label={label ?? t("copy")}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
        {copied ? <path d="M4 10.5l4 4 8-9" /> : <><rect x="7" y="7" width="10" height="10" rx="2" /><path d="M13 7V5a2 2 0 00-2-2H5a2 2 0 00-2 2v6a2 2 0 002 2h2" /></>}
      </svg>
      <span>{copied ? t("copied") : t("copy")}</span>
    </Button>
  );
}
